using System.Diagnostics;
using System.Text;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Cli;

public sealed class ChatCommandTests
{
    [Fact]
    public async Task Chat_shows_the_welcome_menu_answers_numbered_choices_and_leaves_on_exit()
    {
        var (exitCode, output) = await RunInProcessAsync("1\n帮助\nexit\n2\n", "--county", "yuzhou");

        Assert.Equal(0, exitCode);
        Assert.Contains("禹州市", output);
        Assert.Contains("1. 政策咨询", output);
        Assert.Contains("5. 帮助", output);
        Assert.Contains("“政策咨询”暂时还不能在这里办理", output); // the engine-only host has no policy Q&A: the switched-off reply
        Assert.Contains("我能帮您", output);
        Assert.DoesNotContain("困难申报”暂时", output); // nothing after exit is sent
        Assert.EndsWith("再见！", output.TrimEnd());
    }

    [Fact]
    public async Task End_of_input_ctrl_d_leaves_the_chat()
    {
        var (exitCode, output) = await RunInProcessAsync("3\n", "--county", "xinfeng");
        Assert.Equal(0, exitCode);
        Assert.Contains("信丰县", output);
        Assert.Contains("“查进度”暂时还不能在这里办理", output);
        Assert.EndsWith("再见！", output.TrimEnd());
    }

    [Fact]
    public async Task An_unknown_county_is_a_clear_error()
    {
        var (exitCode, output) = await RunInProcessAsync("", "--county", "nowhere");
        Assert.Equal(2, exitCode);
        Assert.Contains("未知的县", output);
        Assert.Contains("yuzhou", output);
    }

    [Fact]
    public async Task The_real_command_line_talks_to_the_bot_over_the_embedded_store()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("assistbot-chat-").FullName;
        try
        {
            var bot = Path.Combine(AppContext.BaseDirectory, "AssistBot.Bot.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { bot, "chat", "--county", "yuzhou" },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardInputEncoding = new UTF8Encoding(false),
                StandardOutputEncoding = Encoding.UTF8,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["Storage__DataDirectory"] = dataDirectory;
            start.Environment["Storage__Redis"] = "";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync("4\n转人工\nexit\n");
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            var output = await stdout;
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{output}");
            Assert.Contains("禹州市", output);
            Assert.Contains("1. 政策咨询", output);
            // 4 贷款还款 (reminders part): loans are found by a WeChat openid only, so the console says where to look.
            Assert.Contains("只能在本县的微信公众号里查看", output);
            Assert.Contains("12317", output);
            Assert.Contains("再见", output);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "assistbot.db")), "the embedded store holds the conversation");
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunInProcessAsync(string input, params string[] args)
    {
        await using var host = EngineHost.Embedded();
        var chat = host.Services.GetServices<ICliCommand>().OfType<ChatCommand>().Single();
        var output = new StringWriter();
        chat.Input = new StringReader(input);
        chat.Output = output;
        var exitCode = await chat.RunAsync(args, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
