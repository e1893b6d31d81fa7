namespace AssistBot.Scheduler.Rules;

/// <summary>The kinds of reminder (outbox <c>Kind</c>, preview <c>kind</c>).</summary>
public static class ReminderKinds
{
    public const string LoanRepayment = "loan-repayment";
    public const string LoanOverdue = "loan-overdue";
    public const string LoanDueList = "loan-due-list";
    public const string LoanSupervision = "loan-supervision";
    public const string Duty = "duty";
    public const string DutyOverdue = "duty-overdue";
    public const string Window = "window";

    /// <summary>The idempotency key of one occurrence: kind + county + subject + due date + stage.</summary>
    public static string Key(string kind, string countyId, string subject, DateOnly dueDate, string stage) =>
        $"{kind}:{countyId}:{subject}:{dueDate:yyyy-MM-dd}:{stage}";
}
