using System.Diagnostics;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Hosting;

/// <summary>A county configured by halves stops start-up with one line naming the setting, not at the first message.</summary>
public sealed class CountySettingsTests
{
    private static readonly string PacksDirectory = Path.Combine(AppContext.BaseDirectory, "packs");

    private static ValidateOptionsResult Validate(Action<CountyOptions> configure)
    {
        var county = new CountyOptions { Name = "信丰县", Pack = "xinfeng-2024" };
        configure(county);
        var options = new CountiesOptions { ["xinfeng"] = county };
        return new CountySettingsValidator(Options.Create(new KnowledgeOptions { PacksDirectory = PacksDirectory })).Validate(null, options);
    }

    [Fact]
    public void A_county_with_no_channel_settings_or_only_a_plain_mode_token_is_fine()
    {
        Assert.True(Validate(_ => { }).Succeeded);
        Assert.True(Validate(c => c.WeChat.Token = "token").Succeeded);
    }

    [Fact]
    public void A_complete_safe_mode_account_and_wecom_app_are_fine()
    {
        var result = Validate(c =>
        {
            c.WeChat = new WeChatAccountOptions
            {
                AppId = "wx5823bf96d3bd56c7", AppSecret = "s", Token = "t",
                EncodingAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            };
            c.WeCom = new WeComAppOptions
            {
                CorpId = "ww1", AgentId = "1000002", Secret = "s", Token = "t",
                EncodingAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            };
        });
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("AppId", "Counties:xinfeng:WeChat:AppSecret")]
    [InlineData("AesKeyTooShort", "Counties:xinfeng:WeChat:EncodingAESKey")]
    [InlineData("WeComHalf", "Counties:xinfeng:WeCom:EncodingAESKey")]
    [InlineData("MissingPack", "Counties:xinfeng:Pack")]
    public void A_half_configured_county_names_the_setting_to_fix(string mistake, string setting)
    {
        var result = Validate(c =>
        {
            switch (mistake)
            {
                case "AppId":
                    c.WeChat.AppId = "wx5823bf96d3bd56c7";
                    c.WeChat.Token = "t";
                    break;
                case "AesKeyTooShort":
                    c.WeChat = new WeChatAccountOptions { AppId = "wx1", AppSecret = "s", Token = "t", EncodingAESKey = "abc" };
                    break;
                case "WeComHalf":
                    c.WeCom = new WeComAppOptions { CorpId = "ww1", AgentId = "1000002", Secret = "s", Token = "t" };
                    break;
                case "MissingPack":
                    c.Pack = "xinfeng-2042";
                    break;
            }
        });
        Assert.False(result.Succeeded);
        Assert.Single(result.Failures!);
        Assert.StartsWith(setting, result.Failures!.Single());
    }

    [Fact]
    public async Task The_service_refuses_to_start_with_one_line_per_setting_and_no_stack_trace()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "AssistBot.Bot.dll");
        var data = Path.Combine(Path.GetTempPath(), "assistbot-settings-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            Environment =
            {
                ["Counties__xinfeng__WeChat__AppId"] = "wx5823bf96d3bd56c7",
                ["Counties__xinfeng__WeChat__Token"] = "token",
                ["Storage__DataDirectory"] = data,
                ["DataProtection__Key"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }

        Assert.Equal(1, process.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("配置有误，服务没有启动：Counties:xinfeng:WeChat:AppSecret 没有填写（已填 AppId；发客服消息、订阅通知都要用）", Assert.Single(lines));
        Assert.DoesNotContain("   at ", await output + await error);
    }
}
