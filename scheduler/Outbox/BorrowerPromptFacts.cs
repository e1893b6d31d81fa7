using System.Text.Json.Serialization;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// The facts of a borrower repayment prompt, stored on its <see cref="OutboxMessage"/> instead of the three texts made
/// from them (the farmer's text, the template fields, the cadre's fallback): the loan facts once, about a third of the
/// bytes. The texts are rendered where they are read (<see cref="Texts.StoredMessageTexts"/>) by the same
/// <see cref="Texts.ReminderTexts"/> functions the sweep used to call, so what a farmer or cadre reads does not change.
/// </summary>
public sealed record BorrowerPromptFacts(
    [property: JsonPropertyName("number")] string LoanNumber,
    [property: JsonPropertyName("name")] string BorrowerName,
    [property: JsonPropertyName("phone")] string PhoneMasked,
    [property: JsonPropertyName("township")] string Township,
    [property: JsonPropertyName("village")] string Village,
    [property: JsonPropertyName("bank")] string Bank,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("maturity")] DateOnly Maturity,
    [property: JsonPropertyName("cadre")] string? CadreName,
    [property: JsonPropertyName("sendDay")] DateOnly SendDay)
{
    public static BorrowerPromptFacts Of(LoanView loan, DateOnly sendDay) => new(loan.LoanNumber, loan.BorrowerName, loan.PhoneMasked,
        loan.Township, loan.Village, loan.Bank, loan.Amount, loan.Maturity, loan.CadreName, sendDay);

    /// <summary>The loan as the prompt texts read it (the recipients' ids are on the message, not needed by any text).</summary>
    public LoanView ToLoan() => new(LoanNumber, BorrowerName, PhoneMasked, Township, Village, Bank, Amount, Maturity, null, CadreName, null,
        RepaymentState.Outstanding);
}
