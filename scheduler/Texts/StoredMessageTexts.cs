using AssistBot.Scheduler.Outbox;

namespace AssistBot.Scheduler.Texts;

/// <summary>
/// The texts of an outbox message stored as facts (<see cref="OutboxMessage.BorrowerPrompt"/>), rendered when read:
/// delivery, preview and the admin and console views all read <see cref="OutboxMessage.Text"/>,
/// <see cref="OutboxMessage.Template"/> and <see cref="OutboxMessage.FallbackText"/>, which come here. The wording is
/// <see cref="ReminderTexts"/>'s, as when the sweep stored the texts themselves.
/// </summary>
internal static class StoredMessageTexts
{
    private static bool ToFarmer(OutboxMessage message) => message.Recipient.Channel == OutboxRecipient.WeChat;

    /// <summary>The farmer's prompt on WeChat; the cadre's "please tell them" text when the cadre is the recipient (or nobody is).</summary>
    public static string Text(OutboxMessage message) => message.BorrowerPrompt is not { } facts ? ""
        : ToFarmer(message) ? ReminderTexts.BorrowerPrompt(facts.ToLoan(), facts.SendDay)
        : ReminderTexts.BorrowerPromptForCadre(facts.ToLoan(), facts.SendDay);

    /// <summary>The template message, for a farmer's prompt only.</summary>
    public static OutboxTemplate? Template(OutboxMessage message) =>
        message.BorrowerPrompt is { } facts && ToFarmer(message)
            ? new OutboxTemplate(message.Kind, ReminderTexts.BorrowerTemplateFields(facts.ToLoan(), facts.SendDay))
            : null;

    /// <summary>The cadre's text when a farmer's prompt falls back to the cadre.</summary>
    public static string? FallbackText(OutboxMessage message) =>
        message.BorrowerPrompt is { } facts && ToFarmer(message) && message.FallbackRecipient is not null
            ? ReminderTexts.BorrowerPromptForCadre(facts.ToLoan(), facts.SendDay)
            : null;
}
