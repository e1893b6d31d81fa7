using System.Diagnostics;
using Xunit.Abstractions;

namespace AssistBot.Web.Tests;

/// <summary>
/// The real Direct Line client, npm <c>botframework-directlinejs</c> on Node (tests/directline-client), holds a
/// conversation with the running service by polling, and cannot open it with another conversation's token.
/// </summary>
public sealed class DirectLineJsClientTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly LiveService _service = new();

    public Task InitializeAsync() => NodeClient.EnsureInstalledAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("--polling")]
    [InlineData("--websocket")]
    public async Task Directlinejs_holds_a_conversation_and_another_token_is_refused(string transport)
    {
        var domain = _service.BaseUrl + "/directline/xinfeng/v3/directline";
        var (exitCode, output) = await NodeClient.RunAsync("converse.js", domain, "脱贫户孩子上学有什么补助", transport);

        log.WriteLine(output);
        Assert.True(exitCode == 0, $"converse.js failed ({exitCode}):\n{output}");
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("CONNECTED ", StringComparison.Ordinal) &&
                                    l.Contains(transport == "--websocket" ? "\"websocket\"" : "\"polling\"") && l.Contains("Online"));
        var welcome = Assert.Single(lines, l => l.StartsWith("WELCOME ", StringComparison.Ordinal));
        Assert.Contains("信丰县", welcome);
        Assert.Contains("\"choices\":[\"政策咨询\",\"困难申报\",\"查进度\",\"贷款还款\",\"帮助\"]", welcome);
        Assert.Contains(lines, l => l.StartsWith("ECHO ", StringComparison.Ordinal));
        var reply = Assert.Single(lines, l => l.StartsWith("REPLY ", StringComparison.Ordinal));
        Assert.DoesNotContain("\"text\":\"\"", reply);
        Assert.DoesNotContain("系统出了点问题", reply);
        Assert.Contains(lines, l => l.StartsWith("OTHER_TOKEN {\"status\":403}", StringComparison.Ordinal));
        Assert.Equal("OK", lines[^1]);
    }
}

/// <summary>Runs scripts of tests/directline-client with Node, installing its packages (npm ci) when missing.</summary>
internal static class NodeClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "directline-client");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "botframework-directlinejs"))) return;
            var (code, output) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (code != 0) throw new InvalidOperationException($"npm ci in {Folder} failed ({code}):\n{output}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static Task<(int ExitCode, string Output)> RunAsync(string script, params string[] args) =>
        RunProcessAsync("node", [script, .. args], TimeSpan.FromMinutes(2));

    private static async Task<(int, string)> RunProcessAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}:\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
