using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AssistBot.LoadTest;

/// <summary>A server under test in its own process (so its memory can be read from /proc), on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process.Id;

    public static ServerProcess Start(string dll, IReadOnlyList<string> args, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg.Replace("{port}", port.ToString()));
        foreach (var (key, value) in environment) start.Environment[key] = value.Replace("{port}", port.ToString());
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        // Server GC, as ASP.NET Core apps run by default; DOTNET_gcServer in the harness's environment overrides it.
        if (Environment.GetEnvironmentVariable("DOTNET_gcServer") is null) start.Environment["DOTNET_gcServer"] = "1";
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("server did not start"), port);
    }

    public async Task WaitUntilReadyAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("server did not become ready:\n" + string.Join('\n', _output.TakeLast(30)));
    }

    /// <summary>Resident memory now and at its peak, in MiB, from /proc (Linux).</summary>
    public (double CurrentMiB, double PeakMiB) Memory()
    {
        try
        {
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:")) rss = ParseKb(line);
                else if (line.StartsWith("VmHWM:")) hwm = ParseKb(line);
            }
            return (rss / 1024, hwm / 1024);
        }
        catch (IOException)
        {
            return (0, 0);
        }

        static double ParseKb(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>CPU time (user + system) the server has used so far, from /proc (Linux); zero elsewhere.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15 (clock ticks).
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
