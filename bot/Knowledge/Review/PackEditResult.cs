using System.Text;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>What an edit came to: the change, or the validator's messages (nothing was kept).</summary>
public sealed record PackEditResult(KnowledgeChange? Change, IReadOnlyList<string> Problems)
{
    public bool Ok => Change is not null;

    public static PackEditResult Rejected(params string[] problems) => new(null, problems);
}
