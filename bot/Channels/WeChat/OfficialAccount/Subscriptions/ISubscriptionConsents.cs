using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// The per-user, per-template 订阅通知 consent records: the owner of <c>wechat/subscriptions/{county}/{openid}</c>.
/// Written from WeChat's events (popup, change, sent), from bizsend results (43101) and from "退订"; read by whoever
/// sends a 订阅通知 (<see cref="TryUseAsync"/> before each send).
/// </summary>
public interface ISubscriptionConsents
{
    ValueTask<SubscriptionConsentBook> GetAsync(string countyId, string openId, CancellationToken cancellationToken = default);

    /// <summary>The popup or the settings page: accepted (one-time: one more send) or declined/revoked.</summary>
    ValueTask RecordAsync(string countyId, string openId, string templateId, bool accepted, bool longTerm, bool fromSettings,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes one send from the consent when it allows one (long-term: always while accepted; one-time: uses it up).
    /// False when the farmer has not consented, revoked, used it up or said "退订".
    /// </summary>
    ValueTask<bool> TryUseAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default);

    /// <summary>Gives back a send taken by <see cref="TryUseAsync"/> that did not go out (a transient failure).</summary>
    ValueTask GiveBackAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default);

    /// <summary>43101 from bizsend, or a sent event saying the user refuses: the consent is used up / revoked.</summary>
    ValueTask MarkRefusedAsync(string countyId, string openId, string templateId, bool revoked, CancellationToken cancellationToken = default);

    /// <summary>"退订": stop using every consent of the farmer (they turn it off in WeChat's settings themselves).</summary>
    ValueTask<int> StopAllAsync(string countyId, string openId, CancellationToken cancellationToken = default);
}
