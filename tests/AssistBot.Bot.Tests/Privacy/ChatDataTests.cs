using System.Text.Json.Nodes;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Dialogs;
using AssistBot.Bot.WeChat;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Privacy;

/// <summary>
/// Personal data typed in chat is stored masked (the full value only in encrypted fields), chat data expires after the
/// retention period, and "删除我的信息" clears chat state and bindings but keeps the county's case records.
/// </summary>
public sealed class ChatDataTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-chatdata-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 15, 9, 0, 0, ChinaTime.Offset));
    private readonly byte[] _key = CaseChat.NewKey();
    private readonly EmbeddedStorage _storage;
    private readonly CaseChat _chat;

    public ChatDataTests()
    {
        _storage = new EmbeddedStorage(DatabasePath, _clock);
        _chat = new CaseChat(_storage, _key, _clock);
    }

    private string DatabasePath => Path.Combine(_directory, "assistbot.db");

    /// <summary>Every stored value in the database (documents, claim results, index members and keys) as text.</summary>
    private async Task<string> EverythingStoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var all = new System.Text.StringBuilder();
        foreach (var sql in new[]
                 {
                     "SELECT key || ' ' || CAST(data AS TEXT) FROM docs", "SELECT key || ' ' || COALESCE(result, '') FROM claims",
                     "SELECT name || ' ' || member FROM idx", "SELECT key FROM counters",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) all.AppendLine(reader.GetString(0));
        }
        return all.ToString();
    }

    [Fact]
    public async Task Id_and_phone_numbers_typed_anywhere_are_stored_and_shown_masked_and_only_the_form_fields_keep_them_encrypted()
    {
        var id = TestIds.Valid();
        var relativeId = TestIds.Valid(birth: "19500101");
        const string phone = "13979712345";
        const string relativePhone = "15837451234";
        var replies = new List<string>();
        async Task<string> Say(string text)
        {
            var reply = await _chat.Say(text);
            replies.Add(reply);
            return reply;
        }

        await Say($"你好，我身份证{relativeId}，电话139 7971 2345，想问问低保");
        Assert.Contains("现在开始吗", await Say("我要申报"));
        Assert.Contains("您同意吗", await Say("1"));
        Assert.Contains("户主姓名", await Say("同意"));
        Assert.Contains("身份证号", await Say("我叫张三"));
        Assert.Contains("联系电话", await Say($"我的身份证号是{id}"));
        Assert.Contains("哪个乡镇", await Say("手机：139-7971-2345"));
        Assert.Contains("大塘埠镇哪个村", await Say("大塘埠"));
        Assert.Contains("几口人", await Say("代屋村"));
        Assert.Contains("哪类困难", await Say("五口人"));
        Assert.Contains("说说情况", await Say("1"));
        Assert.Contains("纯收入", await Say($"老伴住院花了五万多，有事打我儿子电话+86 {relativePhone}，他身份证{relativeId}"));
        var summary = await Say("跳过");
        Assert.Contains($"身份证号：{id[..6]}********{id[^4..]}", summary);
        Assert.Contains("电话：139****2345", summary);
        var submitted = await Say("确认提交");
        var reference = System.Text.RegularExpressions.Regex.Match(submitted, @"XF-\d{8}-\d{4}").Value;

        // The form's own fields hold the full values, encrypted; the free text holds them masked.
        var declaration = (await _chat.Get<DeclarationStore>().GetAsync("xinfeng", reference))!;
        var protector = _chat.Get<PersonalDataProtector>();
        Assert.Equal(id, protector.Unprotect(declaration.IdNumberProtected));
        Assert.Equal(phone, protector.Unprotect(declaration.PhoneProtected));
        Assert.Contains("158****1234", declaration.Description);
        Assert.Contains($"{relativeId[..6]}********{relativeId[^4..]}", declaration.Description);
        var detail = CadreTexts.Detail(declaration, id, phone, _clock.GetUtcNow());

        var everything = string.Join("\n", replies) + detail + await EverythingStoredAsync();
        foreach (var secret in new[] { id, relativeId, phone, relativePhone, "139 7971 2345", "139-7971-2345", id[..14], relativeId[..14] })
            Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    public async Task Conversation_state_expires_after_180_days_without_a_change()
    {
        await _chat.Say("你好");
        const string key = "wechat/conversations/xinfeng:o_farmer";
        Assert.NotNull(await _storage.ReadAsync<JsonObject>(key));

        _clock.Advance(TimeSpan.FromDays(179));
        Assert.NotNull(await _storage.ReadAsync<JsonObject>(key));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await _storage.ReadAsync<JsonObject>(key));
    }

    [Fact]
    public async Task The_last_message_index_forgets_users_silent_for_longer_than_the_retention_period()
    {
        var users = new WeChatUserDirectory(_storage, _storage, _clock, Options.Create(new RetentionOptions()));
        var counties = new Counties(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Counties:xinfeng:Name"] = "信丰县",
            ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        }).Build());
        var sweeper = new RetentionSweeper(counties, users, Options.Create(new RetentionOptions()), _clock, NullLogger<RetentionSweeper>.Instance);

        await users.RecordSubscribedAsync("xinfeng", "o_silent");
        _clock.Advance(TimeSpan.FromDays(100));
        await users.RecordInboundAsync("xinfeng", "o_active");
        _clock.Advance(TimeSpan.FromDays(81));

        Assert.Equal(1, await sweeper.SweepOnceAsync());
        Assert.Null(await users.GetAsync("xinfeng", "o_silent")); // index entry and follower record both gone
        Assert.NotNull(await users.GetAsync("xinfeng", "o_active"));
        Assert.Equal(0, await sweeper.SweepOnceAsync());
    }

    [Fact]
    public async Task Deleting_my_information_asks_first_then_clears_chat_state_and_bindings_but_keeps_the_declaration()
    {
        var id = TestIds.Valid();
        await _chat.Get<AssistBot.Bot.Cases.Import.CaseImporter>().ImportHouseholdsAsync("xinfeng",
            $"户编号,户主姓名,身份证号,乡镇,村,监测对象类别,纳入日期,帮扶责任人,联系电话\nH9,王五,{id},大桥,某村,,,,13711112222\n");
        await _chat.Say("绑定");
        await _chat.Say("王五");
        await _chat.Say(id);
        Assert.Contains("绑定成功", await _chat.Say("137 1111 2222"));
        var declaration = await new CaseWorldDeclarations(_chat).SubmitAsync(id);

        // Said in the middle of a form: the form ends and the deletion asks first.
        Assert.Contains("户主姓名", await StartDraftAsync());
        var ask = await _chat.Say("删除我的信息");
        Assert.Contains("确认删除", ask);
        Assert.Contains("申报是县里的办理记录", ask);
        Assert.Contains("什么都没有删除", await _chat.Say("不删了"));
        var bindings = _chat.Get<BindingService>();
        Assert.NotNull(await bindings.GetAsync("xinfeng", "wechat", "o_farmer"));

        // In a sentence, outside a form; an unfinished draft goes too.
        await _chat.Get<DeclarationDraftStore>().StartAsync("xinfeng", "wechat", "o_farmer");
        Assert.Contains("确认删除", await _chat.Say("能不能把我的信息删掉"));
        Assert.Contains("已删除", await _chat.Say("确认删除"));

        Assert.Null(await bindings.GetAsync("xinfeng", "wechat", "o_farmer"));
        Assert.Empty(await bindings.BoundUsersAsync("xinfeng", new BindingSubject("household", "H9")));
        Assert.Null(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));
        var state = await _storage.ReadAsync<JsonObject>("wechat/conversations/xinfeng:o_farmer");
        Assert.True(state is null || state.Value.Count == 0, state?.Value.ToJsonString());
        // The county's case record stays, and the farmer can still follow it.
        Assert.NotNull(await _chat.Get<DeclarationStore>().GetAsync("xinfeng", declaration.Id));
        Assert.Contains(declaration.Id, await _chat.Say("查进度"));
    }

    private async Task<string> StartDraftAsync()
    {
        await _chat.Say("我要申报");
        await _chat.Say("1");
        return await _chat.Say("同意");
    }

    public async ValueTask DisposeAsync()
    {
        await _chat.DisposeAsync();
        _storage.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Files a declaration for the chat's farmer directly through the store, as the form would.</summary>
    private sealed class CaseWorldDeclarations(CaseChat chat)
    {
        public async Task<Declaration> SubmitAsync(string id) =>
            (await chat.Get<DeclarationStore>().SubmitAsync("xinfeng", "wechat", "o_farmer", CaseWorld.Submission(id),
                chat.Get<CountyCaseData>().Get("xinfeng").Rules)).Declaration;
    }
}
