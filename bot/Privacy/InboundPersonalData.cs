using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Privacy;

/// <summary>
/// Masks ID numbers and mobile numbers in what a user sends, on every channel, before the turn runs (the bot adapter
/// calls it first) — so conversation state, drafts, declarations, cached WeChat replies, logs and exports only ever see
/// the masked text. The text as typed stays on the activity object (<see cref="Activity.UnmaskedText"/>) for the steps
/// that ask for exactly such a number and keep it encrypted. Channels that store the incoming activity before the turn
/// (Direct Line's echo) call it themselves first; calling it twice is harmless.
/// </summary>
public static class InboundPersonalData
{
    public static void Mask(Activity activity)
    {
        if (activity.Text is not { Length: >= 11 } text) return;
        var masked = PersonalDataMask.Text(text);
        if (ReferenceEquals(masked, text)) return;
        activity.UnmaskedText ??= text;
        activity.Text = masked;
    }

    /// <summary>The text as the user typed it (for a step that asks for an ID number or phone and encrypts it).</summary>
    public static string? TextAsTyped(this Activity activity) => activity.UnmaskedText ?? activity.Text;
}
