using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

public sealed class StateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-state-").FullName;

    private string DatabasePath => Path.Combine(_directory, "assistbot.db");

    [Fact]
    public async Task A_dialog_in_progress_survives_a_restart_with_its_answers()
    {
        using (var storage = new EmbeddedStorage(DatabasePath, TimeProvider.System))
        await using (var before = EngineHost.Over(storage, s => s.AddSingleton<IRouteHandler, SurveyFeature>()))
        {
            await before.Flow()
                .Send("调查").SkipReplies()
                .Send("两口人").SkipReplies()
                .Send("3500").AssertReplyContains("主要困难是哪一种？")
                .StartTestAsync();
        }

        using var reopened = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        await using var after = EngineHost.Over(reopened, s => s.AddSingleton<IRouteHandler, SurveyFeature>());
        await after.Flow()
            .Send("因学").AssertReplyContains("请确认：2口人，月收入3500元，因学。")
            .Send("返回上一步").SkipReplies() // the step results kept for going back survive too
            .Send("缺劳动力").AssertReplyContains("请确认：2口人，月收入3500元，缺劳动力。")
            .Test("是", "已记录，谢谢。")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_saved_dialog_the_new_version_no_longer_has_is_dropped_quietly()
    {
        using (var storage = new EmbeddedStorage(DatabasePath, TimeProvider.System))
        await using (var before = EngineHost.Over(storage, s => s.AddSingleton<IRouteHandler, SurveyFeature>()))
            await before.Flow().Send("调查").AssertReply("家里一共几口人？").StartTestAsync();

        using var reopened = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        await using var upgraded = EngineHost.Over(reopened); // survey feature gone
        await upgraded.Flow()
            .Send("1").AssertReplyContains("“政策咨询”暂时还不能在这里办理")
            .StartTestAsync();
    }

    [Fact]
    public async Task State_is_stored_under_Bot_Builder_keys_and_only_written_when_it_changed()
    {
        using var storage = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var name = userState.CreateProperty<string>("name");

        var turn1 = Turn();
        await name.SetAsync(turn1, "张三");
        await userState.SaveChangesAsync(turn1);
        var stored = await storage.ReadAsync<JsonObject>("wechat/users/o_user");
        Assert.Equal("张三", (string?)stored!.Value["name"]);
        Assert.Equal("wechat/conversations/yuzhou:o_user", conversationState.GetStorageKey(turn1));

        var turn2 = Turn();
        Assert.Equal("张三", await name.GetAsync(turn2));
        await userState.SaveChangesAsync(turn2); // unchanged: no write
        Assert.Equal(stored.ETag, (await storage.ReadAsync<JsonObject>("wechat/users/o_user"))!.ETag);
    }

    private sealed record Household(string Village, int Members, List<string> Hardships);

    [Fact]
    public async Task Reading_some_properties_writes_nothing_and_removing_one_is_saved()
    {
        using var storage = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        var state = new ConversationState(storage);
        var step = state.CreateProperty<int>("step");
        var household = state.CreateProperty<Household>("household");
        var note = state.CreateProperty<string>("note");
        var seed = Turn();
        await step.SetAsync(seed, 2);
        await household.SetAsync(seed, new Household("油山镇\"上\"坪村", 4, ["因病", "因学"]));
        await note.SetAsync(seed, "先诊疗后付费 <已问>");
        await state.SaveChangesAsync(seed);
        var key = state.GetStorageKey(seed);
        var seeded = (await storage.ReadAsync<JsonObject>(key))!;

        var reader = Turn();
        Assert.Equal(["因病", "因学"], (await household.GetAsync(reader)).Hardships); // the middle one, with Chinese and quotes
        Assert.Equal(2, await step.GetAsync(reader));
        await state.SaveChangesAsync(reader);
        Assert.Equal(seeded.ETag, (await storage.ReadAsync<JsonObject>(key))!.ETag);

        var remover = Turn();
        await note.DeleteAsync(remover);
        await state.SaveChangesAsync(remover);
        var after = (await storage.ReadAsync<JsonObject>(key))!;
        Assert.NotEqual(seeded.ETag, after.ETag);
        Assert.False(after.Value.ContainsKey("note"));
        Assert.Equal(4, (int)after.Value["household"]!["members"]!);

        var fresh = Turn();
        Assert.Null(await note.GetAsync(fresh));
        Assert.Equal("油山镇\"上\"坪村", (await household.GetAsync(fresh)).Village);
    }

    [Fact]
    public async Task A_save_based_on_stale_state_is_a_conflict_not_an_overwrite()
    {
        using var storage = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        var state = new ConversationState(storage);
        var notes = state.CreateProperty<List<string>>("notes");
        var seed = Turn();
        await notes.SetAsync(seed, []);
        await state.SaveChangesAsync(seed);

        var first = Turn();
        var second = Turn();
        (await notes.GetAsync(first)).Add("第一条");
        (await notes.GetAsync(second)).Add("第二条");
        await state.SaveChangesAsync(first);
        await Assert.ThrowsAsync<StorageConflictException>(() => state.SaveChangesAsync(second));

        Assert.Equal(["第一条"], await notes.GetAsync(Turn()));
    }

    [Fact]
    public async Task Waterfall_values_and_step_results_round_trip_as_their_types()
    {
        var node = StoredValue.ToNode(new Conversation_Choice("因病", 0, 1.0));
        var back = StoredValue.FromNode(JsonNode.Parse(node!.ToJsonString()));
        Assert.Equal(new Conversation_Choice("因病", 0, 1.0), back);
        Assert.Equal(6500m, StoredValue.FromNode(JsonNode.Parse(StoredValue.ToNode(6500m)!.ToJsonString())));
        Assert.Equal(true, StoredValue.FromNode(JsonNode.Parse(StoredValue.ToNode(true)!.ToJsonString())));
        Assert.Equal(3, StoredValue.FromNode(JsonNode.Parse(StoredValue.ToNode(3)!.ToJsonString())));

        var values = new JsonObject();
        values.Set("income", 6500.5m);
        values.Set("tags", new List<string> { "因病" });
        var reloaded = JsonNode.Parse(values.ToJsonString())!.AsObject();
        Assert.Equal(6500.5m, reloaded.Get<decimal>("income"));
        Assert.Equal(["因病"], reloaded.Get<List<string>>("tags"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_failing_turn_apologizes_in_Chinese_and_leaves_no_stuck_dialog()
    {
        await using var host = EngineHost.Embedded(s => s.AddSingleton<IRouteHandler, BrokenFeature>());
        await host.Flow()
            .Send("坏了").AssertReply("第一个问题？")
            .Send("随便").AssertReply(a => a.Text == EngineTexts.Apology && !a.Text.Contains("Exception"), "the apology")
            .AssertNoReply()
            .Send("1").AssertReplyContains("“政策咨询”暂时还不能在这里办理") // the broken dialog is gone
            .StartTestAsync();
    }

    private static TurnContext Turn() => new(new BufferingBotAdapter(), new Activity
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.WeChat,
        From = new ChannelAccount("o_user"),
        Recipient = new ChannelAccount("gh_bot"),
        Conversation = new ConversationAccount("yuzhou:o_user"),
    });

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private sealed class BrokenFeature : IRouteHandler
    {
        public string Id => "broken";
        public int? MenuNumber => null;
        public string MenuLabel => "坏了";
        public IReadOnlyCollection<string> MenuKeys => [];
        public double Match(RouteInput input) => 0;

        public Dialog Dialog { get; } = new ComponentDialog("broken")
            .AddDialog(new WaterfallDialog("broken.steps",
            [
                (step, ct) => step.PromptAsync("broken.text", Bot.Conversation.Prompts.PromptOptions.Text("第一个问题？"), ct),
                (_, _) => throw new InvalidOperationException("bug in a step"),
            ]))
            .AddDialog(new Bot.Conversation.Prompts.TextPrompt("broken.text"));
    }
}

/// <summary>A record from the test assembly (AssistBot.*), restored by type like the bot's own.</summary>
public sealed record Conversation_Choice(string Value, int Index, double Score);
