using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>All of one farmer's consents in one county (one stored document).</summary>
public sealed record SubscriptionConsentBook
{
    public Dictionary<string, SubscriptionConsent> Templates { get; init; } = new(StringComparer.Ordinal);
}
