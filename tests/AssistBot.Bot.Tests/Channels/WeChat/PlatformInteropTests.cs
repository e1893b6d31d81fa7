using System.Diagnostics;
using System.Text.Json;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>
/// Tencent's own Node WXBizMsgCrypt (@wecom/crypto, tests/wechat-platform/platform.js) plays the platform against
/// the service listening on a real Kestrel loopback port: URL verification, encrypted text in, encrypted reply
/// out (decrypted and signature-checked by the Node side), for both the Official Account and WeCom.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class PlatformInteropTests(SharedRedis redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Independent_node_implementation_talks_to_both_endpoints()
    {
        var platformDir = Path.Combine(RepositoryRoot(), "tests", "wechat-platform");
        if (!Directory.Exists(Path.Combine(platformDir, "node_modules", "@wecom", "crypto")))
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], platformDir, TimeSpan.FromMinutes(3));

        await using var host = new WeChatTestHost(redis);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        var config = Path.Combine(Path.GetTempPath(), $"wechat-platform-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            baseUrl = address,
            county = TestAccounts.County,
            oaToken = TestAccounts.OaToken,
            oaAesKey = TestAccounts.OaAesKey,
            appId = TestAccounts.OaAppId,
            oaOriginalId = TestAccounts.OaOriginalId,
            weComToken = TestAccounts.WeComToken,
            weComAesKey = TestAccounts.WeComAesKey,
            corpId = TestAccounts.CorpId,
            agentId = TestAccounts.AgentId,
            text = "小额信贷怎么申请",
            expect = "小额信贷怎么申请",
        }));
        try
        {
            var (exitCode, stdout) = await RunAsync("node", ["platform.js", config], platformDir, TimeSpan.FromMinutes(1), throwOnFailure: false);
            output.WriteLine(stdout);
            Assert.True(exitCode == 0, "platform.js reported failures:\n" + stdout);
            using var report = JsonDocument.Parse(stdout);
            var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToList();
            Assert.True(checks.Count >= 12, $"expected all checks to run, got {checks.Count}");
            Assert.All(checks, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.GetProperty("name").GetString()));
            Assert.StartsWith("第1次：小额信贷怎么申请", report.RootElement.GetProperty("replies").GetProperty("WeCom").GetString());
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("AssistBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory,
        TimeSpan timeout, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
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
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }
        if (throwOnFailure && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return (process.ExitCode, await stdout + await stderr);
    }
}
