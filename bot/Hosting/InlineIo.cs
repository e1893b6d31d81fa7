using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// Runs socket completions and request handling on the socket I/O thread instead of hopping to the thread pool for
/// each one. On a 2-core machine the hops (a thread wake-up and a context switch each) cost more than the work of a
/// WeChat message between two Redis round trips. It is only safe when nothing on the request path blocks the thread,
/// so it is on by default with Redis and off with the embedded store, whose SQLite calls block on disk I/O.
/// Override with <c>Performance:InlineIo</c> (true/false).
/// </summary>
public static class InlineIo
{
    private const string RuntimeSwitch = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static bool IsWanted(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Performance:InlineIo") ?? !string.IsNullOrWhiteSpace(configuration["Storage:Redis"]);

    /// <summary>Call before the host starts: the runtime reads its switch once, when the first socket is used.</summary>
    public static WebApplicationBuilder UseInlineIoWhenWanted(this WebApplicationBuilder builder)
    {
        if (!IsWanted(builder.Configuration)) return builder;
        if (Environment.GetEnvironmentVariable(RuntimeSwitch) is null) Environment.SetEnvironmentVariable(RuntimeSwitch, "1");
        builder.Services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
        return builder;
    }
}
