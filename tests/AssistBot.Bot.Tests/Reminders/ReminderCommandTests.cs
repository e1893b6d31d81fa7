using AssistBot.Bot.Cases;
using AssistBot.Bot.Dialogs.Binding;
using AssistBot.Bot.Dialogs.Declaration;
using AssistBot.Bot.Dialogs.Status;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Reminders.Commands;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Conversation;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>The reminder commands through the real conversation engine (router, state, dialogs).</summary>
public sealed class ReminderCommandTests
{
    /// <summary>
    /// The engine with the loans' route and the reminder commands; <paramref name="withCases"/> adds the declaration,
    /// status and binding features and the cadre front before the router. Personal data under the key the seeds use.
    /// </summary>
    private static EngineHost NewHost(bool withCases = false) => EngineHost.Embedded(setup: new EngineSetup
    {
        Features = withCases
            ? [typeof(LoanRouteHandler), typeof(ReminderCommandHandler), typeof(DeclareRouteHandler), typeof(StatusRouteHandler), typeof(BindingRouteHandler)]
            : [typeof(LoanRouteHandler), typeof(ReminderCommandHandler)],
        CadreFront = withCases,
        Settings = new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "false",
            ["DataProtection:Key"] = Convert.ToBase64String(ReminderWorld.DataKey),
        },
    });

    private static async Task SeedAsync(EngineHost host)
    {
        var storage = host.Storage;
        await ReminderWorld.SeedCadreAsync(storage, "yuzhou", "wang.ganbu", "王干部", "驻村第一书记", "褚河街道", "八里营村");
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await ReminderWorld.SeedHouseholdAsync(storage, "yuzhou", "H100", "马六", "褚河街道", "八里营村", "突发严重困难户", today.AddDays(-15), "王干部",
            DateTimeOffset.UtcNow.AddDays(-15));

        var importer = host.Services.GetRequiredService<LoanImporter>();
        var maturity = today.AddDays(20);
        var csv = string.Join('\n', string.Join(',', LoanFile.Columns),
            $"YZ2024001,马六,411081198001011230,13800138000,褚河街道,八里营村,禹州农商银行,50000,2023-01-01,{maturity:yyyy-MM-dd},王干部");
        var result = await importer.ImportAsync("yuzhou", new StringReader(csv));
        Assert.Equal(1, result.Created);
        await host.Services.GetRequiredService<StorageBorrowerAccounts>().BindAsync("yuzhou", "YZ2024001", "o-maliu");
    }

    private static async Task<RepaymentState> StateAsync(EngineHost host) =>
        (await host.Services.GetRequiredService<LoanStore>().GetAsync("yuzhou", "YZ2024001"))!.Repayment;

    [Fact]
    public async Task Farmer_reports_repayment_and_the_cadre_confirms_it()
    {
        await using var host = NewHost();
        await SeedAsync(host);

        await host.Flow("o-maliu", "wechat")
            .Send("贷款还款").AssertReplyContains("禹州农商银行 5万元", "20天后", "已还款")
            .Send("嗯 那个 我还了").AssertReplyContains("已记下您报告的还款")
            .Send("确认还款 YZ2024001").AssertReplyContains("请干部在企业微信里使用")
            .StartTestAsync();
        Assert.Equal(RepaymentState.Reported, await StateAsync(host));

        await host.Flow("wang.ganbu", "wecom")
            .Send("确认还款 yz2024001").AssertReplyContains("已确认还款：马六 的贷款 YZ2024001")
            .Send("确认还款 YZ9999").AssertReplyContains("没有找到贷款编号 YZ9999")
            .StartTestAsync();
        Assert.Equal(RepaymentState.Confirmed, await StateAsync(host));
    }

    [Fact]
    public async Task Cadre_picks_a_due_visit_by_number_and_the_next_due_date_follows()
    {
        await using var host = NewHost();
        await SeedAsync(host);
        var next = ChinaTime.FormatDate(ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(7));

        await host.Flow("wang.ganbu", "wecom")
            .Send("待走访").AssertReply(reply =>
            {
                // The overdue visit first; then, by due date, the plan and the 驻村第一书记's role duties of 八里营村.
                Assert.Contains("序号1：H100 马六户（八里营村） 实地走访监测对象", reply.Text);
                Assert.Contains("H100 马六户（八里营村） 制定帮扶计划", reply.Text);
                Assert.Contains("褚河街道八里营村 宣传帮扶日", reply.Text); // every Tuesday: always within the week
                Assert.Contains("完成后回复“已完成 序号”", reply.Text);
                Assert.DoesNotContain("明确帮扶责任人", reply.Text); // done: H100 has its cadre
            })
            .Send("已走访 1").AssertReplyContains("已登记：H100", "实地走访监测对象，下次" + next + "前")
            .Send("待走访").AssertReplyContains("实地走访监测对象 " + ChinaTime.FormatShortDate(ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(7)) + "到期")
            .Send("已走访 9").AssertReplyContains("清单里没有序号9")
            .Send("已走访 H100 家中无异常").AssertReplyContains("已登记：H100", "实地走访监测对象，下次" + next + "前")
            .StartTestAsync();

        var done = await host.Services.GetRequiredService<IDutyLedger>().LastDoneAsync("yuzhou", "H100");
        Assert.True(done.ContainsKey("field-visit"));
        Assert.False(done.ContainsKey("help-plan")); // one-off duties are recorded only when picked
    }

    [Fact]
    public async Task A_role_duty_done_is_recorded_for_the_cadres_village_and_the_next_due_date_follows()
    {
        await using var host = NewHost();
        await SeedAsync(host);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var iso = today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek;
        var nextTuesday = today.AddDays((2 - iso + 7) % 7 is 0 ? 7 : (2 - iso + 7) % 7);

        await host.Flow("wang.ganbu", "wecom")
            .Send("已完成 publicity-day 入户宣传12户")
            .AssertReplyContains("已登记：褚河街道八里营村", "宣传帮扶日，下次" + ChinaTime.FormatDate(nextTuesday) + "前")
            .Send("已完成 q2-screening").AssertReplyContains("是村干部的工作，名单上您不是村干部")
            .StartTestAsync();

        var done = await host.Services.GetRequiredService<IDutyLedger>().LastDoneAsync("yuzhou", "褚河街道八里营村");
        Assert.Equal(today, done["publicity-day"]);
        Assert.False(done.ContainsKey("q2-screening"));
    }

    [Fact]
    public async Task On_the_wecom_cadre_front_the_reminder_commands_work_next_to_the_declaration_commands()
    {
        await using var host = NewHost(withCases: true);
        await SeedAsync(host);

        await host.Flow("wang.ganbu", "wecom")
            .Send("确认还款 YZ2024001").AssertReplyContains("已确认还款：马六 的贷款 YZ2024001")
            .Send("待走访").AssertReplyContains("序号1：H100")
            .Send("已走访 1 家里都好").AssertReplyContains("已登记：H100")
            .Send("待走访").AssertReplyContains("序号3：H100")
            // A list number read like any numbered choice: in Chinese or full-width, as a cadre types it on a phone.
            .Send("已完成 第三个 家里都好").AssertReplyContains("已登记：H100")
            .Send("已完成　３").AssertReplyContains("已登记：H100")
            .Send("已完成 第九个").AssertReplyContains("清单里没有序号9")
            .Send("待办").AssertReplyDoesNotContain("没看懂")
            .StartTestAsync();
        Assert.Equal(RepaymentState.Confirmed, await StateAsync(host));
        await host.Flow("stranger", "wecom").Send("确认还款 YZ2024001").AssertReplyDoesNotContain("已确认还款").StartTestAsync();
    }

    [Fact]
    public async Task Imported_loans_can_be_bound_with_name_last_six_and_phone_and_then_reach_the_farmer()
    {
        await using var host = NewHost(withCases: true);
        await SeedAsync(host);
        var binding = host.Services.GetRequiredService<AssistBot.Bot.Cases.BindingService>();

        var result = await binding.BindAsync("yuzhou", "wechat", "o-binder", "马六", "011230", "13800138000");

        Assert.Equal(AssistBot.Bot.Cases.BindingOutcome.Bound, result.Outcome);
        Assert.Contains(result.Subjects, s => s.Kind == "loan" && s.Key == "YZ2024001");
        await host.Services.GetRequiredService<StorageBorrowerAccounts>().UnbindAsync("yuzhou", "YZ2024001");
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var views = new List<LoanView>();
        await foreach (var v in host.Services.GetRequiredService<LoanStore>().MaturingAsync("yuzhou", today, today.AddDays(30))) views.Add(v);
        Assert.Equal("o-binder", Assert.Single(views).BorrowerOpenId);
        await host.Flow("o-binder", "wechat").Send("我还了").AssertReplyContains("已记下您报告的还款").StartTestAsync();
        Assert.Equal(RepaymentState.Reported, await StateAsync(host));
    }

    [Fact]
    public async Task A_farmer_bound_through_the_binding_dialog_is_reached_on_wechat_and_sees_the_loan()
    {
        await using var host = NewHost();
        await SeedAsync(host);
        // The farmer binds themself the way the 绑定 dialog does: name, last 6 of the ID number and phone of the imported loan.
        var bound = await host.Services.GetRequiredService<BindingService>().BindAsync("yuzhou", "wechat", "o-self", "马六", "011230", "13800138000");
        Assert.Equal(BindingOutcome.Bound, bound.Outcome);
        await host.Services.GetRequiredService<StorageBorrowerAccounts>().UnbindAsync("yuzhou", "YZ2024001");

        await host.Flow("o-self", "wechat").Send("贷款").AssertReplyContains("禹州农商银行 5万元").StartTestAsync();
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var views = new List<LoanView>();
        await foreach (var v in host.Services.GetRequiredService<LoanStore>().MaturingAsync("yuzhou", today, today.AddDays(30))) views.Add(v);
        Assert.Equal("o-self", Assert.Single(views).BorrowerOpenId);
    }

    [Fact]
    public async Task Bound_farmers_subscribe_and_unsubscribe_to_window_notices()
    {
        await using var host = NewHost();
        await SeedAsync(host);
        var subscribers = host.Services.GetRequiredService<StorageWindowSubscribers>();

        await host.Flow("o-maliu", "wechat").Send("订阅").AssertReplyContains("已订阅").StartTestAsync();
        Assert.True(await subscribers.IsSubscribedAsync("yuzhou", "o-maliu"));
        await host.Flow("o-maliu", "wechat").Send("退订").AssertReplyContains("已退订").StartTestAsync();
        Assert.False(await subscribers.IsSubscribedAsync("yuzhou", "o-maliu"));
        await host.Flow("o-stranger", "wechat").Send("订阅").AssertReplyContains("请先绑定").StartTestAsync();
        Assert.False(await subscribers.IsSubscribedAsync("yuzhou", "o-stranger"));
    }
}

public sealed class LoanRouteMatchTests
{
    private static double Match(string text) =>
        new AssistBot.Bot.Loans.LoanRouteHandler(null!, null!, TimeProvider.System)
            .Match(new AssistBot.Bot.Dialogs.RouteInput(new AssistBot.Bot.Conversation.Schema.Activity { Type = "message", Text = text }));

    [Theory]
    [InlineData("贷款还款", 1.0)]
    [InlineData("嗯 那个 我还了", 1.0)]
    [InlineData("已还款", 1.0)]
    [InlineData("我的贷款什么时候到期", 0.9)]
    [InlineData("还款提醒收到了", 0.7)]
    [InlineData("小额信贷怎么还款？", 0)]
    [InlineData("贷款还了吗", 0)]
    [InlineData("确认还款 XF2024001", 0)]
    [InlineData("银行是不是每个月都会提醒还款", 0)]
    [InlineData("到期还款多久提醒一回", 0)]
    public void Own_loan_phrases_open_the_loan_feature_and_policy_questions_do_not(string text, double expected) =>
        Assert.Equal(expected, Match(text));

    [Theory]
    [InlineData("要多久还清")]
    [InlineData("嗯贷款晚还了 会不会上黑名单")]
    [InlineData("贷款还清了还能再贷吗")]
    public void A_question_about_repaying_never_reports_a_loan_as_repaid(string text)
    {
        var input = new AssistBot.Bot.Dialogs.RouteInput(new AssistBot.Bot.Conversation.Schema.Activity { Type = "message", Text = text });

        Assert.False(AssistBot.Bot.Loans.LoanRouteHandler.SaysRepaid(input));
        Assert.Equal(0, Match(text));
    }
}
