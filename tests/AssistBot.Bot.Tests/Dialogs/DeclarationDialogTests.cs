using AssistBot.Bot.Cases;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Dialogs;

public sealed class DeclarationDialogTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-decl-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 5, 15, 9, 0, 0, ChinaTime.Offset));
    private readonly byte[] _key = CaseChat.NewKey();
    private readonly EmbeddedStorage _storage;
    private CaseChat _chat;

    public DeclarationDialogTests()
    {
        _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), _clock);
        _chat = new CaseChat(_storage, _key, _clock);
    }

    private static readonly string Id = TestIds.Valid();

    /// <summary>Consent, name, ID and phone given, township 大塘埠: the form now asks for the village.</summary>
    private async Task FillUntilVillageAsync(string user = "o_farmer")
    {
        Assert.Contains("现在开始吗", await _chat.Say("我要申报", user));
        Assert.Contains("您同意吗", await _chat.Say("1", user));
        Assert.Contains("户主姓名", await _chat.Say("同意", user));
        Assert.Contains("身份证号", await _chat.Say("我叫张三", user));
        Assert.Contains("联系电话", await _chat.Say(Id, user));
        Assert.Contains("哪个乡镇", await _chat.Say("13912345678", user));
        Assert.Contains("大塘埠镇哪个村", await _chat.Say("大塘埠", user));
    }

    private async Task<string> FillUntilSummaryAsync(string user = "o_farmer")
    {
        await FillUntilVillageAsync(user);
        Assert.Contains("几口人", await _chat.Say("代屋村", user));
        Assert.Contains("哪类困难", await _chat.Say("五口人", user));
        Assert.Contains("说说情况", await _chat.Say("1、8", user));
        Assert.Contains("纯收入", await _chat.Say("去年我住院花了六万多，房子也漏雨", user));
        return await _chat.Say("六千五", user);
    }

    [Fact]
    public async Task An_answer_on_declaring_oneself_says_it_can_be_done_here_and_申报_then_starts_it()
    {
        await _chat.DisposeAsync();
        _chat = new CaseChat(_storage, _key, _clock, withPolicy: true);

        var answer = await _chat.Say("家里有困难能自己报吗，还是得等村里来查");
        Assert.Contains("可以自己申报", answer); // the policy answer, not the form
        Assert.Contains("回复“申报”", answer);
        Assert.Contains("现在开始吗", await _chat.Say("申报"));

        // Other answers carry no such line.
        Assert.DoesNotContain("回复“申报”", await _chat.Say("小额信贷能贷多少", "o_other"));
    }

    [Fact]
    public async Task A_village_named_after_its_township_is_accepted_and_a_sentence_is_not_taken_for_a_village()
    {
        await FillUntilVillageAsync();
        // Typed at the wrong question: asked again, not stored as the address.
        Assert.Contains("没看清村名", await _chat.Say("老人住院花了不少钱"));
        Assert.Contains("几口人", await _chat.Say("大塘埠村"));
        Assert.Contains("哪类困难", await _chat.Say("四口"));
        Assert.Contains("说说情况", await _chat.Say("1"));
        Assert.Contains("纯收入", await _chat.Say("老人住院花了不少钱"));
        var summary = await _chat.Say("跳过");
        Assert.Contains("住址：大塘埠镇 大塘埠村", summary);
        Assert.DoesNotContain("住院花了", summary.Split("住址：")[1].Split('\n')[0]);
    }

    [Fact]
    public async Task A_rough_range_is_never_multiplied_an_income_keeps_the_lower_end_and_says_so_a_household_size_asks_again()
    {
        await FillUntilVillageAsync();
        Assert.Contains("几口人", await _chat.Say("代屋村"));
        // "三四口人" is not 34 people, nor a number to guess: ask for an exact one.
        Assert.Contains("请发一个准数", await _chat.Say("三四口人"));
        Assert.Contains("哪类困难", await _chat.Say("四口"));
        Assert.Contains("说说情况", await _chat.Say("1"));
        Assert.Contains("纯收入", await _chat.Say("老人住院花了不少钱"));

        // "五六千" was read as 56,000 — above any monitoring line — which told the farmer the wrong thing.
        var summary = await _chat.Say("一年五六千吧");
        Assert.Contains("您说的是5000到6000元，先按5000元记下", summary);
        Assert.DoesNotContain("56000", summary);
        Assert.Contains("每人年收入：约5000元", summary);
        Assert.Contains("家庭人口：4人", summary);
        Assert.Contains("请核对", summary);
    }

    [Fact]
    public async Task A_full_declaration_with_a_refused_id_a_policy_question_and_a_correction_gets_a_reference_number()
    {
        Assert.Contains("现在开始吗", await _chat.Say("我要申报"));
        var consent = await _chat.Say("开始申报");
        Assert.Contains("村里公示时不会公开身份证号、电话和健康情况", consent);
        Assert.Contains("户主姓名", await _chat.Say("1"));
        Assert.Contains("身份证号", await _chat.Say("张三"));

        var refused = await _chat.Say(TestIds.WithWrongCheck(Id));
        Assert.Contains("校验不通过", refused);
        Assert.DoesNotContain(Id[..17], refused);

        // A policy question in the middle of the form is answered, then the same question again.
        var answered = await _chat.Say("为什么要填身份证？");
        Assert.Contains("加密保存", answered);
        Assert.Contains("身份证号（18位）", answered);

        Assert.Contains("联系电话", await _chat.Say(Id));
        Assert.Contains("0797-1234567", await _chat.Say("1234567")); // landline without area code: told how
        Assert.Contains("哪个乡镇", await _chat.Say("139 1234 5678"));
        Assert.Contains("哪个村", await _chat.Say("信丰大塘埠的"));
        Assert.Contains("几口人", await _chat.Say("我家在代屋"));
        Assert.Contains("1到20", await _chat.Say("很多"));
        Assert.Contains("哪类困难", await _chat.Say("四"));
        Assert.Contains("说说情况", await _chat.Say("因病 住房安全"));
        Assert.Contains("纯收入", await _chat.Say("去年我住院花了六万多，房子也漏雨"));
        var summary = await _chat.Say("跳过");
        Assert.Contains("信丰县今年的监测收入范围请问村干部或乡镇", summary); // 信丰 has no configured line
        Assert.Contains("360722********" + Id[^4..], summary);
        Assert.Contains("139****5678", summary);
        Assert.Contains("住址：大塘埠镇 代屋", summary);
        Assert.Contains("1. 确认提交", summary);

        // A correction in plain words jumps to the question and comes back to the summary.
        Assert.Contains("联系电话", await _chat.Say("电话写错了"));
        var corrected = await _chat.Say("13887654321");
        Assert.Contains("请核对", corrected);
        Assert.Contains("138****4321", corrected);

        var submitted = await _chat.Say("确认提交");
        Assert.Matches(@"编号 XF-20240515-\d{4}", submitted);
        Assert.Contains("12317", submitted);
        Assert.Contains("查进度", submitted);

        var status = await _chat.Say("查进度");
        Assert.Matches(@"XF-20240515-\d{4}", status);
        Assert.Contains("已提交，等待村干部受理", status);

        var stored = Assert.Single(await _chat.Get<DeclarationStore>().ListForUserAsync("xinfeng", "wechat", "o_farmer"));
        Assert.Equal([HardshipType.Illness, HardshipType.Housing], stored.Hardships);
        Assert.Equal(4, stored.HouseholdSize);
        Assert.Null(stored.EstimatedIncomePerCapita);
    }

    [Fact]
    public async Task No_reply_ever_contains_the_full_id_number_or_phone()
    {
        var transcript = new List<string>();
        async Task Say(string t) => transcript.Add(await _chat.Say(t));
        foreach (var line in new[] { "我要申报", "1", "1", "张三", Id, "13912345678", "大塘埠", "代屋村", "4", "1", "住院", "7000", "1", "查进度" })
            await Say(line);
        var all = string.Join("\n", transcript);
        Assert.DoesNotContain(Id, all);
        Assert.DoesNotContain(Id[..14], all);
        Assert.DoesNotContain("13912345678", all);
        Assert.Contains("编号", all);
    }

    [Fact]
    public async Task A_hardship_message_offers_the_declaration_but_never_starts_silently()
    {
        var reply = await _chat.Say("住院花了好几万");
        Assert.Contains("听到您家里遇到困难了", reply);
        Assert.Contains("现在开始吗", reply);
        Assert.Contains("好的，先不申报", await _chat.Say("2"));
        Assert.Null(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));
    }

    [Theory]
    [InlineData("查进度")]
    [InlineData("我想问问我那个申请")] // one's own application, not a policy question
    [InlineData("俺那个申报怎么样了")]
    public async Task Status_without_declarations_says_how_to_declare(string text) =>
        Assert.Contains("您还没有申报记录", await _chat.Say(text, "o_nobody"));

    [Fact]
    public async Task Declining_consent_stores_nothing()
    {
        await _chat.Say("申报困难");
        await _chat.Say("1");
        Assert.Contains("没有保存任何信息", await _chat.Say("不同意"));
        Assert.Null(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));
    }

    [Fact]
    public async Task The_form_resumes_at_the_same_question_after_a_restart()
    {
        await _chat.Say("我要申报");
        await _chat.Say("1");
        await _chat.Say("1");
        await _chat.Say("张三");
        Assert.Contains("联系电话", await _chat.Say(Id));
        Assert.Contains("哪个乡镇", await _chat.Say("13912345678"));

        // "Restart": a new host over the same data and key.
        await _chat.DisposeAsync();
        _chat = new CaseChat(_storage, _key, _clock);

        Assert.Contains("大塘埠镇哪个村", await _chat.Say("大塘埠镇"));
        Assert.Contains("几口人", await _chat.Say("代屋村"));
    }

    [Fact]
    public async Task A_draft_abandoned_for_7_days_expires_and_leaves_no_record()
    {
        await _chat.Say("我要申报");
        await _chat.Say("1");
        await _chat.Say("1");
        await _chat.Say("张三");
        await _chat.Say(Id);
        Assert.NotNull(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));

        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Null(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));
        var reply = await _chat.Say("13912345678");
        Assert.Contains("超过7天", reply);
        Assert.Contains("现在开始吗", reply);
        Assert.Empty(await _chat.Get<DeclarationStore>().ListForUserAsync("xinfeng", "wechat", "o_farmer"));
    }

    [Fact]
    public async Task Cancel_mid_form_leaves_no_draft()
    {
        await _chat.Say("我要申报");
        await _chat.Say("1");
        await _chat.Say("1");
        await _chat.Say("张三");
        await _chat.Say("取消");
        Assert.Null(await _chat.Get<DeclarationDraftStore>().GetAsync("xinfeng", "wechat", "o_farmer"));
    }

    [Fact]
    public async Task A_save_whose_copy_is_not_confirmed_says_it_will_be_confirmed_never_received_as_if_safe()
    {
        await _chat.DisposeAsync();
        _chat = new CaseChat(_storage, _key, _clock, s => s.AddSingleton<IWriteReplication>(new NeverReplicated()));
        await FillUntilSummaryAsync();
        var reply = await _chat.Say("1");
        Assert.Contains("正在确认保存", reply);
        Assert.Contains("查进度", reply);
        Assert.DoesNotContain("接下来", reply);
        // The record is saved all the same: 查进度 shows it.
        Assert.Contains("已提交，等待村干部受理", await _chat.Say("查进度"));
    }

    /// <summary>A Redis whose replicas never acknowledge within the timeout (a failover under way).</summary>
    private sealed class NeverReplicated : IWriteReplication
    {
        public ValueTask<bool> WaitForReplicasAsync(ReplicatedKeys keys, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
    }

    [Fact]
    public async Task A_second_declaration_for_the_same_household_is_told_the_open_number()
    {
        var first = await FillUntilSummaryAsync("o_one");
        Assert.Contains("请核对", first);
        var submitted = await _chat.Say("1", "o_one");
        var id = System.Text.RegularExpressions.Regex.Match(submitted, @"XF-\d{8}-\d{4}").Value;

        await FillUntilSummaryAsync("o_two");
        var duplicate = await _chat.Say("确认提交", "o_two");
        Assert.Contains("已经有一份正在办理的申报", duplicate);
        Assert.Contains(id, duplicate);
        Assert.Empty(await _chat.Get<DeclarationStore>().ListForUserAsync("xinfeng", "wechat", "o_two"));
    }

    [Fact]
    public async Task Yuzhou_explains_its_7500_line_and_15_day_limit_without_turning_anyone_away()
    {
        await _chat.Say("我要申报", county: "yuzhou");
        await _chat.Say("1", county: "yuzhou");
        await _chat.Say("1", county: "yuzhou");
        await _chat.Say("李四", county: "yuzhou");
        await _chat.Say("不方便提供", county: "yuzhou");
        await _chat.Say("0374-8888888", county: "yuzhou");
        Assert.Contains("褚河街道哪个村", await _chat.Say("褚河镇", county: "yuzhou"));
        await _chat.Say("东村", county: "yuzhou");
        await _chat.Say("3", county: "yuzhou");
        await _chat.Say("4", county: "yuzhou");
        await _chat.Say("孩子上大学学费交不起", county: "yuzhou");
        var summary = await _chat.Say("一万二", county: "yuzhou");
        Assert.Contains("7500元", summary);
        Assert.Contains("高于", summary);
        Assert.Contains("突发严重困难户", summary);
        Assert.Contains("不方便提供", summary);
        var submitted = await _chat.Say("1", county: "yuzhou");
        Assert.Matches(@"YZ-20240515-\d{4}", submitted);
        Assert.Contains("一般不超过15天", submitted);
        Assert.Contains("不少于5天", submitted);
    }

    private sealed class LoanAnswerer : AssistBot.Bot.Dialogs.Declaration.IFormQuestionAnswerer
    {
        public Task<string?> AnswerAsync(AssistBot.Bot.Conversation.ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
            Task.FromResult(question.Contains("小额信贷") ? "脱贫人口小额信贷：5万元以下、3年期以内。" : null);
    }

    [Fact]
    public async Task A_policy_question_mid_form_goes_to_the_policy_answerer_and_the_form_resumes()
    {
        await _chat.DisposeAsync();
        _chat = new CaseChat(_storage, _key, _clock,
            s => TestServiceHost.Use<AssistBot.Bot.Dialogs.Declaration.IFormQuestionAnswerer>(s, new LoanAnswerer())); // in place of the policy Q&A
        await _chat.Say("我要申报");
        await _chat.Say("1");
        await _chat.Say("1");
        await _chat.Say("张三");
        await _chat.Say("不方便提供");
        await _chat.Say("13912345678");
        Assert.Contains("哪个村", await _chat.Say("嘉定"));
        var answer = await _chat.Say("小额信贷怎么申请？");
        Assert.Contains("5万元以下", answer);
        Assert.Contains("嘉定镇哪个村", answer);
        var unknown = await _chat.Say("养老保险交多少钱？");
        Assert.Contains("政策咨询", unknown); // honest: ask after the form, or 村干部/12317
        Assert.Contains("嘉定镇哪个村", unknown);
        Assert.Contains("几口人", await _chat.Say("代屋"));
    }

    [Fact]
    public async Task A_township_one_character_off_is_confirmed_not_guessed()
    {
        await _chat.Say("我要申报", county: "yuzhou");
        await _chat.Say("1", county: "yuzhou");
        await _chat.Say("1", county: "yuzhou");
        await _chat.Say("李四", county: "yuzhou");
        await _chat.Say("不方便提供", county: "yuzhou");
        await _chat.Say("13912345678", county: "yuzhou");
        Assert.Contains("您说的是神垕镇吗", await _chat.Say("神后", county: "yuzhou"));
        Assert.Contains("神垕镇哪个村", await _chat.Say("是的", county: "yuzhou"));
    }

    [Fact]
    public async Task Binding_over_chat_never_says_which_field_was_wrong()
    {
        var id = TestIds.Valid();
        await _chat.Get<AssistBot.Bot.Cases.Import.CaseImporter>().ImportHouseholdsAsync("xinfeng",
            $"户编号,户主姓名,身份证号,乡镇,村,监测对象类别,纳入日期,帮扶责任人,联系电话\nH9,王五,{id},大桥,某村,,,,13711112222\n");
        await _chat.Say("绑定");
        await _chat.Say("王五");
        await _chat.Say(id[^6..]);
        var wrong = await _chat.Say("13700000000");
        Assert.Contains("没有找到对得上的记录", wrong);
        Assert.DoesNotContain("手机号不对", wrong);

        await _chat.Say("绑定");
        await _chat.Say("王五");
        await _chat.Say(id[^6..]);
        Assert.Contains("绑定成功", await _chat.Say("137 1111 2222"));
    }

    public async ValueTask DisposeAsync()
    {
        await _chat.DisposeAsync();
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

public sealed class DeclareRouteHandlerTests
{
    private static double Score(string text) =>
        new AssistBot.Bot.Dialogs.Declaration.DeclareRouteHandler(null!).Match(new AssistBot.Bot.Dialogs.RouteInput(
            new AssistBot.Bot.Conversation.Schema.Activity { Type = "message", Text = text }));

    [Theory]
    [InlineData("我要申报", 1.0)]
    [InlineData("嗯 那个 申报困难", 1.0)]
    [InlineData("家里有困难", 1.0)]
    [InlineData("我想申请防返贫监测", 0.9)] // above the policy Q&A's claim on a question naming 防返贫监测 (0.85)
    [InlineData("房子塌了", 0.65)]
    [InlineData("没活干了", 0.65)]
    public void Declarations_and_hardships_start_the_feature(string text, double expected) => Assert.Equal(expected, Score(text));

    [Theory]
    [InlineData("雨露计划怎么申报？")]
    [InlineData("住院能报销多少")]
    [InlineData("申报进度")]
    [InlineData("你好")]
    [InlineData("打12317能申请监测不")] // how to declare is a policy question; its answer offers 困难申报
    [InlineData("家里有困难能自己报吗，还是得等村里来查")]
    [InlineData("有困难寻么人")]
    public void Policy_questions_and_other_messages_are_left_alone(string text) => Assert.True(Score(text) < 0.6);
}
