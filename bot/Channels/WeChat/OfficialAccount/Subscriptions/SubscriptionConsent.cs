using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>One farmer's consent to one 订阅通知 template.</summary>
public sealed record SubscriptionConsent
{
    public required string TemplateId { get; init; }
    public ConsentState State { get; init; }

    /// <summary>Long-term: one consent for many messages until revoked.</summary>
    public bool LongTerm { get; init; }

    /// <summary>One-time: sends still allowed (each acceptance allows one).</summary>
    public int OneTimeSendsLeft { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>Whether a bizsend with this template may go to the farmer now.</summary>
    public bool AllowsSend => State == ConsentState.Accepted && (LongTerm || OneTimeSendsLeft > 0);
}
