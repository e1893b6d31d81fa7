using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Cases;

/// <summary>"删除我的信息" for the cases part: the user's binding and an unfinished declaration draft. Declarations stay.</summary>
public sealed class CasesUserDataEraser(BindingService bindings, DeclarationDraftStore drafts) : IUserDataEraser
{
    public async ValueTask EraseAsync(string county, string channel, string userId, CancellationToken cancellationToken = default)
    {
        await bindings.UnbindAsync(county, channel, userId, cancellationToken).ConfigureAwait(false);
        await drafts.DeleteAsync(county, channel, userId, cancellationToken).ConfigureAwait(false);
    }
}
