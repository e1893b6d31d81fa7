using System.Net;

namespace AssistBot.Bot.BotFramework;

/// <summary>Whether a request comes from this machine: a loopback peer that no proxy forwarded.</summary>
internal static class CallerAddress
{
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host"];

    public static bool IsLocal(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null || !NetworkRanges.IsLoopback(remote)) return false;
        // A reverse proxy on the same machine connects from loopback on behalf of someone else.
        foreach (var header in ForwardingHeaders)
            if (http.Request.Headers.ContainsKey(header)) return false;
        return true;
    }
}
