using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AssistBot.Bot.BotFramework;

/// <summary>How <c>/api/messages</c> admits callers (one per instance, from configuration).</summary>
public enum BotFrameworkCallerMode
{
    /// <summary>AppId set: a channel's Bearer JWT is required.</summary>
    ChannelToken,

    /// <summary>No AppId: loopback callers only (the Emulator on this machine).</summary>
    EmulatorOnLoopback,

    /// <summary>No AppId and <c>BotFramework:AllowAnonymous</c>: anyone.</summary>
    Anonymous,
}
