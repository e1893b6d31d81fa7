using AssistBot.Knowledge.Declarations;

namespace AssistBot.Knowledge.Places;

public enum PlaceMatchKind
{
    None,
    Exact,
    Fuzzy,
    Ambiguous,
}
