namespace AssistBot.Bot.Privacy;

/// <summary>
/// "删除我的信息": each owner of per-user chat data (follower record, bindings, drafts, subscriptions) removes what it
/// keeps about one user. Case records (declarations and their audit trail, imported households and loans) are the
/// county's and stay. Implementations must be idempotent; they run one after another.
/// </summary>
public interface IUserDataEraser
{
    ValueTask EraseAsync(string county, string channel, string userId, CancellationToken cancellationToken = default);
}
