using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Cadres;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>"清单" after a digest card: every item of the last digest, numbered, each with the command that does it.</summary>
public sealed class CadreDigestCommand(CadreCards cards) : ICadreCommandExtension
{
    private static readonly HashSet<string> Words = ["清单", "全部清单", "待办清单", "查看清单"];

    public async Task<CadreReply?> TryHandleAsync(string countyId, Cadre cadre, string text, CancellationToken cancellationToken)
    {
        if (!Words.Contains(text.Trim())) return null;
        var lines = await cards.GetListAsync(countyId, cadre.UserId, cancellationToken).ConfigureAwait(false);
        return new CadreReply(lines.Count == 0 ? CadreCardTexts.DigestEmpty : CadreCardTexts.DigestList(lines), []);
    }
}
