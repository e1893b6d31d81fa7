namespace AssistBot.Knowledge.Packs;

/// <summary>
/// One wording people used, with what answers it: an entry id, <see cref="Fallback"/> (the documents do not say) or
/// <see cref="Clarify"/> (too vague to answer without asking). <paramref name="Line"/> is where it stands in its file.
/// </summary>
public sealed record LabelledQuestion(string Label, string Question, string File, int Line)
{
    public const string Fallback = "fallback";
    public const string Clarify = "clarify";

    /// <summary>The label names no entry: the question is not to be answered from one.</summary>
    public static bool IsReserved(string label) => label is Fallback or Clarify;
}
