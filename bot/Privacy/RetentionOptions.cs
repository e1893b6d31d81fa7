namespace AssistBot.Bot.Privacy;

/// <summary>
/// How long chat data is kept without activity (section <c>Retention</c>). Declarations, their audit trail and the
/// county's imported records are case records: they follow the county's own retention rules, not these settings.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Conversation and user state, the follower record and the last-message index: removed this long after the
    /// user's last change (default 180 days).
    /// </summary>
    public TimeSpan Conversation { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often each instance trims the last-message index (default every 6 hours).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);
}
