using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Cli;

/// <summary><c>console link --county ID</c>: prints a one-time console sign-in link (10 minutes, single use) once.</summary>
internal sealed class ConsoleLinkCommand(SignInLinks links, Counties counties, IOptions<ConsoleOptions> options, IConfiguration configuration)
    : ICliCommand
{
    public string Name => "console link";

    public string Usage => "console link --county ID   打印一次性控制台登录链接（10 分钟内有效，只能用一次）";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var countyId = CliRunner.Option(args, "--county") ?? counties.Default?.Id;
        if (!counties.TryGet(countyId, out var county))
        {
            Console.Error.WriteLine($"没有这个县：{countyId}。可用：{string.Join("、", counties.All.Select(c => c.Id))}");
            return 2;
        }
        var token = await links.CreateAsync(county.Id, cancellationToken).ConfigureAwait(false);
        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured
            : (configuration["Urls"] ?? "http://localhost:5080").Split(';')[0];
        Console.WriteLine($"{county.Name}控制台一次性登录链接（10 分钟内有效，只能用一次，请勿转发）：");
        Console.WriteLine($"{baseUrl.TrimEnd('/')}/console/signin/link/{token}");
        return 0;
    }
}
