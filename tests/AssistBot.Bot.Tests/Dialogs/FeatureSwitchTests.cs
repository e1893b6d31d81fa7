using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Dialogs;

/// <summary>
/// <c>Features:Off</c>: a county office that cannot take declarations online yet keeps the menu item, and a farmer who
/// picks it is told honestly how to get it done today; the other features work as before.
/// </summary>
public sealed class FeatureSwitchTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-features-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 15, 9, 0, 0, ChinaTime.Offset));
    private readonly EmbeddedStorage _storage;

    public FeatureSwitchTests() => _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), _clock);

    private CaseChat Chat(params string[] off) =>
        new(_storage, CaseChat.NewKey(), _clock, s => s.Configure<FeatureOptions>(o => o.Off = off));

    [Fact]
    public async Task A_switched_off_declaration_keeps_its_menu_item_and_says_whom_to_ask_while_other_features_work()
    {
        await using var chat = Chat("declare");

        foreach (var asked in new[] { "2", "我要申报" })
        {
            var reply = await chat.Say(asked);
            Assert.Contains("“困难申报”暂时还不能在这里办理", reply);
            Assert.Contains("12317", reply);
            Assert.DoesNotContain("现在开始吗", reply);
        }
        Assert.Contains("困难申报", await chat.Say("菜单"));
        Assert.DoesNotContain("暂时还不能在这里办理", await chat.Say("3"));
    }

    [Fact]
    public async Task With_nothing_switched_off_the_same_words_start_the_declaration()
    {
        await using var chat = Chat();

        Assert.Contains("现在开始吗", await chat.Say("我要申报"));
    }

    [Theory]
    [InlineData("declare", "家里有困难", "困难申报")] // the feature's own words, which its stand-in did not know
    [InlineData("loan", "我还了", "贷款还款")]
    public async Task A_switched_off_feature_answers_to_the_same_words_as_the_feature(string off, string said, string label)
    {
        await using var chat = Chat(off);

        var reply = await chat.Say(said);
        Assert.Contains($"“{label}”暂时还不能在这里办理", reply);
        Assert.Contains("12317", reply);
    }

    public ValueTask DisposeAsync()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
