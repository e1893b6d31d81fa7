namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// A WeChat template message: <see cref="Kind"/> names the county's configured template
/// (<c>Counties:{id}:WeChat:Templates:{Kind}</c> holds the template id); <see cref="Fields"/> are its data items
/// (keyword → value, e.g. "first", "keyword1", "remark").
/// </summary>
public sealed record OutboxTemplate(string Kind, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>What it is about (a loan, a declaration): at most one template message per subject per month.</summary>
    public string? Subject { get; init; }
}
