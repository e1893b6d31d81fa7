using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AssistBot.Bot.BotFramework;

/// <summary>Who a request to <c>/api/messages</c> came from, as far as the endpoint could verify it.</summary>
public enum BotFrameworkCaller
{
    None,
    Channel,
    LocalEmulator,
    Anonymous,
}
