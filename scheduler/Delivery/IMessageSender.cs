using AssistBot.Scheduler.Outbox;

namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Sends one message on WeChat (Official Account) or WeCom. Implemented by the bot with the channel API clients;
/// it reports what happened as a <see cref="SendOutcome"/> rather than throwing for API errors.
/// </summary>
public interface IMessageSender
{
    /// <summary>
    /// A text message: for "wechat" a customer-service message (only inside the 48-hour window, else
    /// <see cref="SendStatus.OutsideWindow"/>); for "wecom" an app message.
    /// </summary>
    ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A WeChat template message with the county's template for <see cref="OutboxTemplate.Kind"/>;
    /// <see cref="SendStatus.Permanent"/> when the county has none configured.
    /// </summary>
    /// <param name="idempotencyKey">Passed to the platform (client_msg_id) so a repeated send is not delivered twice.</param>
    ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default);
}

public enum SendStatus
{
    Ok,

    /// <summary>45015: outside the 48-hour customer-service window (or the user unfollowed).</summary>
    OutsideWindow,

    /// <summary>45047: the customer-service quota for this window is used up.</summary>
    TooFrequent,

    /// <summary>43004 (or a known unsubscribe): the user does not follow the account.</summary>
    Unsubscribed,

    /// <summary>Worth retrying later: -1 busy, 45009 frequency limit, network errors, 5xx.</summary>
    Transient,

    /// <summary>Will not work on retry: invalid openid, blacklisted, no template configured …</summary>
    Permanent,
}

/// <summary>What a send did; <see cref="ErrorCode"/> is the platform's errcode when there was one.</summary>
public readonly record struct SendOutcome(SendStatus Status, int? ErrorCode = null, string? Detail = null)
{
    public static SendOutcome Ok { get; } = new(SendStatus.Ok);

    public bool IsOk => Status == SendStatus.Ok;

    public override string ToString() =>
        ErrorCode is null ? $"{Status}{(Detail is null ? "" : ": " + Detail)}" : $"{Status} {ErrorCode}{(Detail is null ? "" : ": " + Detail)}";
}
