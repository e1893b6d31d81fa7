using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// A private redis-server process on a free loopback port, for tests that must stop and restart Redis.
/// The binary comes from ASSISTBOT_REDIS_SERVER or PATH (test.sh installs it with apt-get where missing).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private readonly IReadOnlyList<string> _extraArguments;

    private RedisServer(int port, IReadOnlyList<string> extraArguments) => (Port, _extraArguments) = (port, extraArguments);

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <param name="extraArguments">More redis-server options (e.g. <c>--cluster-enabled yes</c>).</param>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        var server = new RedisServer(FreePort(), extraArguments);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var binary = Environment.GetEnvironmentVariable("ASSISTBOT_REDIS_SERVER") ?? "redis-server";
        var start = new ProcessStartInfo(binary,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", .. _extraArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "redis-server was not found. Run the tests with ./test.sh, which installs and starts Redis.", e);
        }
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port} within 10 s");
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
