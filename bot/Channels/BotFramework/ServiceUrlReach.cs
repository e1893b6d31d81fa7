namespace AssistBot.Bot.BotFramework;

/// <summary>Which addresses a connection for a reply may reach once the serviceUrl's host is resolved.</summary>
public enum ServiceUrlReach
{
    /// <summary>Public addresses only.</summary>
    PublicOnly,

    /// <summary>Public and loopback addresses (the Emulator on this machine).</summary>
    PublicOrLoopback,

    /// <summary>Any address: an operator listed this exact address or localhost.</summary>
    Any,
}
