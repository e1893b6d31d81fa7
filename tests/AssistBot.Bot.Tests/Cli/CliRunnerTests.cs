using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Cli;

/// <summary>
/// The command line as System.CommandLine parses it, over the service's real verb registrations (CLI mode, embedded
/// store): help at every level, usage errors with exit code 2, and a verb that reads its own words still dispatched.
/// </summary>
public sealed class CliRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-cli-").FullName;
    private readonly TestServiceHost _host;
    private readonly EchoCommand _echo = new();

    public CliRunnerTests()
    {
        _host = TestServiceHost.Build(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _directory,
            ["Storage:Redis"] = "",
            ["DataProtection:Key"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["DefaultCounty"] = "xinfeng",
            ["Counties:xinfeng:Name"] = "信丰县",
            ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        }, services => services.AddSingleton<ICliCommand>(_echo));
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliRunner.RunAsync(_host.Services, args, CancellationToken.None, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_each_verb_describes_its_arguments_and_options()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("import", output);
        Assert.Contains("reminders", output);
        Assert.Contains("显示帮助", output);

        (code, output, _) = await RunAsync("import", "loans", "--help");
        Assert.Equal(0, code);
        Assert.Contains("import loans <FILE>", output);
        Assert.Contains("--county <ID>", output);
        Assert.Contains("CSV 或 .xlsx", output);

        (code, output, _) = await RunAsync("reminders", "preview", "-h");
        Assert.Equal(0, code);
        Assert.Contains("--from <YYYY-MM-DD>", output);
        Assert.Contains("--json", output);
    }

    [Fact]
    public async Task An_unknown_option_a_missing_value_or_an_unknown_verb_is_refused_with_exit_code_2_and_a_pointer_to_help()
    {
        var (code, output, err) = await RunAsync("import", "loans", "loans.csv", "--county", "xinfeng", "--countty", "x");
        Assert.Equal(2, code);
        Assert.Contains("不认识：--countty", err);
        Assert.Contains("import loans --help", err);
        Assert.Empty(output);

        (code, _, err) = await RunAsync("import", "loans", "loans.csv");
        Assert.Equal(2, code);
        Assert.Contains("缺少选项 --county", err);

        (code, _, err) = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from");
        Assert.Equal(2, code);
        Assert.Contains("--from 后面要写值", err);

        // A many-valued argument (a message, a list of files) does not swallow a mistyped option.
        (code, _, err) = await RunAsync("wechat", "send", "--county", "xinfeng", "--safee", "你好");
        Assert.Equal(2, code);
        Assert.Contains("不认识：--safee", err);

        (code, _, err) = await RunAsync("remind", "preview");
        Assert.Equal(2, code);
        Assert.Contains("没有这个命令：remind", err);
        Assert.Contains("reminders", err);
    }

    [Fact]
    public async Task A_verb_that_reads_its_own_words_gets_them_as_typed()
    {
        var (code, _, _) = await RunAsync("echo", "words", "a", "--flag", "b");
        Assert.Equal(7, code);
        Assert.Equal(["a", "--flag", "b"], _echo.Received);
    }

    /// <summary>A plain <see cref="ICliCommand"/> (no declared options), as a verb written before System.CommandLine.</summary>
    private sealed class EchoCommand : ICliCommand
    {
        public IReadOnlyList<string> Received { get; private set; } = [];

        public string Name => "echo words";

        public string Usage => "echo words ...   repeat";

        public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
        {
            Received = args;
            return Task.FromResult(7);
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
