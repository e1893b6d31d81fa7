using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

public enum ConsentState
{
    /// <summary>The farmer accepted in the popup (or turned it back on in settings).</summary>
    Accepted,

    /// <summary>Declined in the popup.</summary>
    Rejected,

    /// <summary>Turned off in WeChat's settings, or WeChat reported the user refuses it.</summary>
    Revoked,

    /// <summary>A one-time consent whose send was used, or 43101 from bizsend.</summary>
    UsedUp,

    /// <summary>The farmer said "退订" to us: we stop using the consent until they accept again.</summary>
    Stopped,
}
