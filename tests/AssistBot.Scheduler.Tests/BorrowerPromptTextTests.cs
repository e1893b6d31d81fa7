using System.Runtime.CompilerServices;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AssistBot.Scheduler.Tests.TestData;

namespace AssistBot.Scheduler.Tests;

/// <summary>
/// The borrower prompt is stored as its facts and rendered when read: what the farmer and the cadre read is, word for
/// word, what the sweep sent when it stored the texts themselves.
/// </summary>
public sealed class BorrowerPromptTextTests
{
    private static readonly DateOnly Today = D("2025-03-03");

    private static LoanView Loan(string? openId, string? cadre = "liu") => new("XF001", "张三", "139****4321", "嘉定镇", "第1村", "信丰县农商银行",
        50_000m, Today.AddDays(7), cadre, "刘干部", openId, RepaymentState.Outstanding);

    private sealed class Book(LoanView loan) : ILoanBook
    {
        public async IAsyncEnumerable<LoanView> MaturingAsync(string countyId, DateOnly first, DateOnly last,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (loan.Maturity >= first && loan.Maturity <= last) yield return loan;
        }

        public IAsyncEnumerable<string> CadresWithLoansAsync(string countyId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<IReadOnlyList<LoanMaturity>> MaturityPagesAsync(string countyId, DateOnly first, DateOnly last,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<LoanView?>> GetManyAsync(string countyId, IReadOnlyList<string> loanNumbers,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private static async Task<OutboxMessage> SweepAsync(LoanView loan)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0, 30)), TimeSpan.FromHours(8)));
        var sweep = new LoanRepaymentSweep(new Book(loan), time, NullLogger<LoanRepaymentSweep>.Instance);
        var messages = new List<OutboxMessage>();
        await foreach (var m in sweep.ProduceAsync(new ReminderCounty("xinfeng", "信丰县", Pack("xinfeng-2024")), Today, Today)) messages.Add(m);
        return Assert.Single(messages);
    }

    private const string ForCadre =
        "【请电话转告】借款人张三（第1村，139****4321）暂时无法通过微信联系：其在信丰县农商银行的小额信贷5万元（XF001）将于2025年3月10日到期（7天后）。" +
        "请电话提醒按时还款；还款后回复“确认还款 XF001”。";

    [Fact]
    public async Task A_bound_borrower_reads_the_prompt_the_template_and_the_cadre_the_fallback_word_for_word()
    {
        var message = await SweepAsync(Loan("o6_zhang"));

        Assert.NotNull(message.BorrowerPrompt);
        Assert.Equal(OutboxRecipient.Farmer("o6_zhang"), message.Recipient);
        Assert.Equal(
            "【还款提醒】张三您好：您在信丰县农商银行的小额信贷5万元，将于2025年3月10日到期（7天后到期）。请提前备好还款资金，按时还款不影响征信。" +
            "已经还了请回复“已还款”；有困难请联系帮扶干部刘干部。", message.Text);
        var template = Assert.IsType<OutboxTemplate>(message.Template);
        Assert.Equal("loan-repayment", template.Kind);
        Assert.Equal(new Dictionary<string, string>
        {
            ["first"] = "张三您好，您的小额信贷7天后到期",
            ["keyword1"] = "5万元",
            ["keyword2"] = "2025年3月10日",
            ["keyword3"] = "信丰县农商银行",
            ["remark"] = "请提前备好还款资金；已还款请在公众号回复“已还款”。",
        }, template.Fields);
        Assert.Equal(OutboxRecipient.Cadre("liu"), message.FallbackRecipient);
        Assert.Equal(ForCadre, message.FallbackText);
    }

    [Fact]
    public async Task An_unbound_borrower_is_reached_through_the_cadre_with_the_cadre_text_and_no_template()
    {
        var message = await SweepAsync(Loan(openId: null));

        Assert.Equal(OutboxRecipient.Cadre("liu"), message.Recipient);
        Assert.Equal(ForCadre, message.Text);
        Assert.Null(message.Template);
        Assert.Null(message.FallbackRecipient);
        Assert.Null(message.FallbackText);
    }

    [Fact]
    public async Task A_borrower_nobody_can_reach_keeps_the_cadre_text_for_the_admin_view()
    {
        var message = await SweepAsync(Loan(openId: null, cadre: null));

        Assert.Equal(OutboxRecipient.None, message.Recipient.Channel);
        Assert.Equal(ForCadre, message.Text);
        Assert.Null(message.Template);
    }

    [Fact]
    public void A_message_built_with_its_text_keeps_it()
    {
        var message = new OutboxMessage
        {
            IdempotencyKey = "k", Kind = "declaration-status", CountyId = "xinfeng", Recipient = OutboxRecipient.Farmer("o6"),
            Text = "您的申报已受理。", FallbackText = "请告知农户：申报已受理。", FallbackRecipient = OutboxRecipient.Cadre("liu"),
            DueAt = DateTimeOffset.UnixEpoch, CreatedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal("您的申报已受理。", message.Text);
        Assert.Null(message.Template);
        Assert.Equal("请告知农户：申报已受理。", message.FallbackText);
        Assert.Null(message.BorrowerPrompt);
    }
}
