namespace AssistBot.Knowledge.Reminders;

public sealed class LoanReminderSettings
{
    /// <summary>The clause that asks for repayment reminders.</summary>
    public string Source { get; set; } = "";

    /// <summary>Prompts to the borrower, in days before maturity (the date does not move for holidays).</summary>
    public List<int> BorrowerStagesDays { get; set; } = [30, 7, 1];

    /// <summary>Day of the month's first working day list to each cadre: borrowers due within this many days.</summary>
    public int DueListHorizonDays { get; set; } = 30;

    /// <summary>Escalations to the cadre after maturity with no repayment recorded, in days after maturity.</summary>
    public List<int> OverdueEscalationDays { get; set; } = [1, 7];

    /// <summary>Months (1–12) whose first working day brings the 贷后监管 reminder to cadres.</summary>
    public List<int> SupervisionMonths { get; set; } = [];

    public string SupervisionSource { get; set; } = "";

    /// <summary>承贷银行 name → the bank contact's WeCom UserId, told about overdue loans too.</summary>
    public Dictionary<string, string> BankContacts { get; set; } = [];
}
