using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Reminders.Commands;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Texts;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Loans;

/// <summary>
/// Menu 4 贷款还款 (replaces the engine's placeholder): a farmer sees their bound loans and when they fall due, and
/// reports a repayment with "已还款" / "还了" (then the cadre confirms with "确认还款 编号").
/// </summary>
public sealed class LoanRouteHandler : AssistBot.Bot.Dialogs.IRouteHandler
{
    private static readonly string[] RepaidWords = ["已还款", "还了", "我还了", "已经还了", "还款了", "已经还款", "已经还款了", "钱还了", "贷款还了"];
    private static readonly string[] LoanWords = ["贷款还款", "贷款", "还款", "还贷", "贷款到期", "贷款什么时候还"];

    public LoanRouteHandler(LoanStore loans, IBorrowerAccounts accounts, TimeProvider time, AssistBot.Scheduler.Outbox.IOutbox? outbox = null) =>
        Dialog = new LoanDialog(loans, accounts, time, outbox);

    public string Id => RouteIds.Loan;

    public int? MenuNumber => 4;

    public string MenuLabel => RouterTexts.LoanLabel;

    public IReadOnlyCollection<string> MenuKeys => [Dialogs.MenuKeys.Loan];

    public Dialog Dialog { get; }

    private static readonly string[] RepaidFragments = ["已还", "还了", "还清", "还款了", "还上了"];
    private static readonly string[] QuestionFragments = ["吗", "没", "么", "怎", "如何", "什么", "哪", "几", "多少", "能不能", "可以"];

    /// <summary>
    /// "已还款", "嗯 那个 我还了", "钱已经还清了" — but not "还了吗" / "什么时候还", nor a question about repaying ("要多久还清",
    /// "贷款晚还了会不会上黑名单"), which must never report a loan as repaid.
    /// </summary>
    public static bool SaysRepaid(RouteInput input) =>
        input.Variants.Any(v => RepaidWords.Contains(v)) ||
        (input.ContainsAny(RepaidFragments) && !IsQuestion(input));

    /// <summary>A question word of its own list, or one the form recognises ("会不会", "多久", "是不是").</summary>
    private static bool IsQuestion(RouteInput input) =>
        input.ContainsAny(QuestionFragments) || Cases.FormQuestions.LooksLikeQuestion(input.Text);

    public double Match(RouteInput input) => Matches(input);

    /// <summary>How surely the text is about one's own loan; its placeholder answers to the same.</summary>
    public static double Matches(RouteInput input)
    {
        if (input.Normalized.StartsWith("确认还款", StringComparison.Ordinal)) return 0; // a cadre's command
        if (SaysRepaid(input)) return 1.0;
        if (input.Variants.Any(v => LoanWords.Contains(v))) return 1.0;
        if (input.ContainsAny(["我的贷款", "我家贷款", "我家的贷款", "我贷的款"])) return 0.9;
        // "小额信贷怎么还款", "银行是不是每个月都会提醒还款" are policy questions for the Q&A, not a look at one's own loan.
        if (IsQuestion(input)) return 0;
        return input.ContainsAny(["还款", "还贷", "贷款到期"]) ? 0.7 : 0;
    }

    public object? CreateOptions(RouteInput input) => SaysRepaid(input) ? "repaid" : null;

    private sealed class LoanDialog(LoanStore loans, IBorrowerAccounts accounts, TimeProvider time, AssistBot.Scheduler.Outbox.IOutbox? outbox)
        : Dialog("loan.status")
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
            CancellationToken cancellationToken = default)
        {
            var context = dc.Context;
            var county = context.County();
            // Loans are found by the openid WeChat vouched for; an id named on another channel opens nothing.
            if (!ReminderCommandHandler.IsOfficialAccountUser(context.Activity))
            {
                await context.SendActivityAsync(MessageFactory.Text(ReminderChatTexts.LoanOnWeChat), cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            }
            var userId = context.Activity.From?.Id ?? "";
            var numbers = await accounts.LoansForUserAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            var mine = new List<Loan>();
            foreach (var number in numbers)
                if (await loans.GetAsync(county.Id, number, cancellationToken).ConfigureAwait(false) is { Repayment: not RepaymentState.Confirmed } loan)
                    mine.Add(loan);

            string reply;
            if (mine.Count == 0) reply = ReminderChatTexts.RepaymentNoLoan;
            else if (options is "repaid")
            {
                foreach (var loan in mine)
                {
                    await loans.ReportRepaidAsync(county.Id, loan.LoanNumber, cancellationToken).ConfigureAwait(false);
                    await TellCadreAsync(county.Id, loan, cancellationToken).ConfigureAwait(false);
                }
                reply = ReminderChatTexts.RepaymentReported;
            }
            else
            {
                var today = ChinaTime.DateOf(time.GetUtcNow());
                reply = ReminderChatTexts.LoanSummary(mine.Select(l => LoanStore.ToView(l, userId)).ToList(), today);
            }
            await context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The loan's cadre hears of the reported repayment (a 确认还款 card where cards are on); once per loan.</summary>
        private async Task TellCadreAsync(string countyId, Loan loan, CancellationToken cancellationToken)
        {
            if (outbox is null || loan.CadreUserId is not { Length: > 0 } cadre) return;
            var now = time.GetUtcNow();
            await outbox.EnqueueAsync(new AssistBot.Scheduler.Outbox.OutboxMessage
            {
                IdempotencyKey = $"{Dialogs.Cadres.Cards.CadreCards.RepaymentReportKind}:{countyId}:{loan.LoanNumber}:{loan.Maturity:yyyy-MM-dd}",
                Kind = Dialogs.Cadres.Cards.CadreCards.RepaymentReportKind,
                CountyId = countyId,
                Recipient = AssistBot.Scheduler.Outbox.OutboxRecipient.Cadre(cadre),
                Text = ReminderChatTexts.RepaymentReportedToCadre(loan.LoanNumber, Cases.CadreTexts.MaskName(loan.BorrowerName)),
                Title = $"还款待确认 {loan.LoanNumber}",
                DueAt = now,
                CreatedAt = now,
                Subject = loan.LoanNumber,
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
