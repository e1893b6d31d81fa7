using System.Diagnostics;
using System.Text;

namespace AssistBot.Bot.Tests.Cli;

public sealed class KnowledgeExplainCommandTests
{
    [Fact]
    public async Task Explain_reads_the_question_as_the_channels_do_and_never_prints_a_typed_id_number_or_phone()
    {
        // Staff paste a farmer's message to see why it missed; the channels mask ID numbers and phones before the turn
        // runs, so explain reads (and prints) the same masked text.
        var (exitCode, output) = await RunAsync("knowledge", "explain", "我身份证号是410881199001011234，电话13812345678，能申报监测不",
            "--county", "xinfeng", "--after", "俺手机13812345678，怎么才能被纳入监测");

        Assert.True(exitCode == 0, output);
        Assert.Contains("outcome:", output);
        Assert.Contains("410881********1234", output);
        Assert.DoesNotContain("410881199001011234", output);
        Assert.DoesNotContain("13812345678", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("assistbot-explain-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AssistBot.Bot.dll"));
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["Storage__DataDirectory"] = dataDirectory;
            start.Environment["Storage__Redis"] = "";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
