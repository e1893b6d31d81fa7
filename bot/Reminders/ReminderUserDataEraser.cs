using AssistBot.Bot.Privacy;
using AssistBot.Bot.Loans;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;

namespace AssistBot.Bot.Reminders;

/// <summary>"删除我的信息" for reminders: the user's loan links and the 订阅 of application-window notices. Loans stay.</summary>
public sealed class ReminderUserDataEraser(StorageBorrowerAccounts accounts, StorageWindowSubscribers subscribers) : IUserDataEraser
{
    public async ValueTask EraseAsync(string county, string channel, string userId, CancellationToken cancellationToken = default)
    {
        if (channel != ChannelIds.WeChat) return; // both are keyed by the Official Account openid
        foreach (var loan in await accounts.LoansForUserAsync(county, userId, cancellationToken).ConfigureAwait(false))
            await accounts.UnbindAsync(county, loan, cancellationToken).ConfigureAwait(false);
        await subscribers.UnsubscribeAsync(county, userId, cancellationToken).ConfigureAwait(false);
    }
}
