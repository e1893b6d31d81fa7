using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Tests.Cases;

public sealed class CadreCommandParserTests
{
    [Theory]
    [InlineData("待办", CadreVerb.Pending, null)]
    [InlineData("我的待办", CadreVerb.Pending, null)]
    [InlineData("1", CadreVerb.Pending, null)]
    [InlineData("3", CadreVerb.Accept, null)]
    [InlineData("三", CadreVerb.Accept, null)]
    [InlineData("第二个", CadreVerb.Details, null)]
    [InlineData("9", CadreVerb.Unknown, null)]
    [InlineData("受理 XF-20240515-0007", CadreVerb.Accept, "XF-20240515-0007")]
    [InlineData("受理xf20240515-0007", CadreVerb.Accept, "XF-20240515-0007")]
    [InlineData("受理 0007", CadreVerb.Accept, "0007")]
    [InlineData("详情　0007", CadreVerb.Details, "0007")]
    [InlineData("纳入 0007", CadreVerb.Include, "0007")]
    [InlineData("不纳入 0007 收入稳定", CadreVerb.Reject, "0007")]
    [InlineData("随便说说", CadreVerb.Unknown, null)]
    public void Commands_and_menu_numbers_are_recognised(string text, CadreVerb verb, string? reference)
    {
        var c = CadreCommand.Parse(text);
        Assert.Equal(verb, c.Verb);
        Assert.Equal(reference, c.Reference);
    }

    [Theory]
    [InlineData("核实 0007 属实", true, null)]
    [InlineData("核实 0007 不属实 家里有两辆车", false, "家里有两辆车")]
    [InlineData("核实 0007 情况属实，住院发票已核对", true, "住院发票已核对")]
    [InlineData("核实 0007", null, null)]
    public void Verify_reads_the_result_and_the_note(string text, bool? result, string? note)
    {
        var c = CadreCommand.Parse(text);
        Assert.Equal(CadreVerb.Verify, c.Verb);
        Assert.Equal(result, c.VerifiedTrue);
        Assert.Equal(note, c.Note);
    }

    [Fact]
    public void Transfer_reads_the_account()
    {
        var c = CadreCommand.Parse("转交 0007 wangwu 乡镇处理");
        Assert.Equal("wangwu", c.Account);
        Assert.Equal("乡镇处理", c.Note);
    }
}

/// <summary>Cadre commands over the real store (embedded) and outbox: workflow, access, notices.</summary>
public sealed class CadreCommandHandlerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-cadres-").FullName;
    private readonly EmbeddedStorage _storage;
    private readonly CaseWorld _world;

    public CadreCommandHandlerTests()
    {
        _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);
        _world = new CaseWorld(_storage);
    }

    private const string Roster =
        "企业微信账号,姓名,职务,乡镇,村\n" +
        "liucun,刘村干,村支书,大塘埠,代屋村\n" +
        "zhouzhen,周镇干,乡镇干部,大塘埠镇,\n" +
        "chenxi,陈干部,乡镇干部,古陂镇,\n";

    private async Task<Declaration> SetUpAsync()
    {
        var report = await _world.Importer.ImportRosterAsync(_world.Xinfeng, Roster);
        Assert.Empty(report.Errors);
        var d = await _world.SubmitAsync(_world.Xinfeng, "o_farmer");
        await _world.Get<DeclarationNotifier>().NotifyCadresOfNewAsync(d);
        return d;
    }

    private Task<CadreReply> Say(string user, string text) => _world.Cadres.HandleAsync(_world.Xinfeng, user, text);

    [Fact]
    public async Task A_new_declaration_is_pushed_to_the_village_cadre_only()
    {
        var d = await SetUpAsync();
        var pushes = (await _world.OutboxAsync()).Where(m => m.Kind == DeclarationNotifier.NewDeclarationKind).ToList();
        var push = Assert.Single(pushes);
        Assert.Equal(OutboxRecipient.Cadre("liucun"), push.Recipient);
        Assert.Contains(d.Id, push.Text);
        Assert.DoesNotContain("13912345678", push.Text);
    }

    [Fact]
    public async Task A_cadre_moves_a_case_through_accept_verify_include_and_the_farmer_hears_each_step()
    {
        var d = await SetUpAsync();

        var pending = await Say("liucun", "待办");
        Assert.Contains(d.Id, pending.Text);
        Assert.Contains("张*", pending.Text); // masked name in lists
        Assert.DoesNotContain("住院", pending.Text); // no health details in the list

        var detail = await Say("liucun", "详情 " + d.Id);
        Assert.Contains("去年住院花了6万多", detail.Text); // the area's cadre sees the description
        Assert.Contains("139****5678", detail.Text);
        Assert.DoesNotContain("13912345678", detail.Text);

        Assert.Contains("已受理", (await Say("liucun", "受理 0001")).Text);
        Assert.Contains("核实属实", (await Say("liucun", "核实 0001 属实 住院发票已核对")).Text);
        Assert.Contains("纳入监测", (await Say("zhouzhen", "纳入 " + d.Id)).Text);

        var stored = await _world.Declarations.GetAsync(_world.Xinfeng, d.Id);
        Assert.Equal(DeclarationStatus.Included, stored!.Status);
        Assert.Equal(["wechat:o_farmer", "wecom:liucun", "wecom:liucun", "wecom:zhouzhen"], stored.History.Select(e => e.Actor));

        var notices = (await _world.OutboxAsync()).Where(m => m.Recipient == OutboxRecipient.Farmer("o_farmer")).Select(m => m.Text).ToList();
        Assert.Equal(3, notices.Count);
        Assert.Contains(notices, t => t.Contains("已受理"));
        Assert.Contains(notices, t => t.Contains("情况属实"));
        Assert.Contains(notices, t => t.Contains("已纳入防止返贫监测帮扶"));
        Assert.Empty(await _world.Declarations.ListOpenForCadreAsync((await _world.Get<RosterStore>().GetAsync(_world.Xinfeng, "liucun"))!));
    }

    [Fact]
    public async Task A_cadre_of_another_township_can_neither_list_nor_open_nor_change_it()
    {
        var d = await SetUpAsync();

        Assert.DoesNotContain(d.Id, (await Say("chenxi", "待办")).Text);
        var open = await Say("chenxi", "详情 " + d.Id);
        Assert.Contains("没有找到", open.Text);
        Assert.DoesNotContain("住院", open.Text);
        Assert.Contains("没有找到", (await Say("chenxi", "受理 " + d.Id)).Text);
        Assert.Contains("没有找到", (await Say("chenxi", "受理 0001")).Text);
        Assert.Equal(DeclarationStatus.Submitted, (await _world.Declarations.GetAsync(_world.Xinfeng, d.Id))!.Status);
    }

    [Fact]
    public async Task An_unknown_wecom_user_is_politely_refused()
    {
        await SetUpAsync();
        var reply = await Say("stranger", "待办");
        Assert.Equal(CadreTexts.UnknownUser, reply.Text);
    }

    [Fact]
    public async Task Out_of_order_commands_are_refused_with_the_next_possible_step()
    {
        var d = await SetUpAsync();
        var reply = await Say("liucun", "纳入 0001");
        Assert.Contains("还不能做", reply.Text);
        Assert.Contains("受理 0001", reply.Text);
        Assert.Equal(DeclarationStatus.Submitted, (await _world.Declarations.GetAsync(_world.Xinfeng, d.Id))!.Status);
        await Say("liucun", "受理 0001");
        Assert.Contains("原因", (await Say("liucun", "不纳入 0001")).Text); // 不纳入 needs a reason
        Assert.Equal(DeclarationStatus.Accepted, (await _world.Declarations.GetAsync(_world.Xinfeng, d.Id))!.Status);
    }

    [Fact]
    public async Task Transfer_hands_the_case_to_another_cadre_of_its_area_who_can_then_act_on_it()
    {
        var d = await SetUpAsync();
        Assert.Contains("转交给 zhouzhen", (await Say("liucun", "转交 0001 zhouzhen")).Text);

        Assert.Contains(d.Id, (await Say("zhouzhen", "待办")).Text);
        Assert.Contains("已受理", (await Say("zhouzhen", "受理 0001")).Text);
        var messages = await _world.OutboxAsync();
        Assert.Contains(messages, m => m.Recipient == OutboxRecipient.Cadre("zhouzhen") && m.Text.Contains(d.Id));
        Assert.Contains(messages, m => m.Recipient == OutboxRecipient.Farmer("o_farmer") && m.Text.Contains("转交"));
    }

    [Fact]
    public async Task Transfer_to_a_cadre_of_another_township_is_refused_politely_and_opens_nothing()
    {
        var d = await SetUpAsync();
        var reply = await Say("liucun", "转交 0001 chenxi");

        Assert.Contains("不能转交给陈干部", reply.Text);
        Assert.Contains("古陂镇", reply.Text);
        Assert.DoesNotContain("已把", reply.Text);
        var stored = (await _world.Declarations.GetAsync(_world.Xinfeng, d.Id))!;
        Assert.Null(stored.AssignedCadre);
        Assert.DoesNotContain(d.Id, (await Say("chenxi", "待办")).Text);
        Assert.DoesNotContain("代屋村", (await Say("chenxi", "详情 " + d.Id)).Text);
        Assert.DoesNotContain(await _world.OutboxAsync(), m => m.Recipient == OutboxRecipient.Cadre("chenxi"));
    }

    [Fact]
    public async Task Menu_numbers_work_and_ask_for_the_reference()
    {
        await SetUpAsync();
        var menu = await Say("liucun", "你好");
        Assert.Equal(CadreTexts.Menu, menu.Choices);
        Assert.Contains("受理 编号", (await Say("liucun", "3")).Text);
        Assert.Contains("待办申报", (await Say("liucun", "1")).Text);
    }

    public void Dispose()
    {
        _world.Dispose();
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
