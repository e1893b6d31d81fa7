using System.Text.Json.Serialization;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// One proactive message waiting to be delivered exactly once: a reminder, a status-change notice to a farmer, a
/// new-declaration push to a cadre. Producers build it with its final Chinese text, or (the borrower prompts, a sweep's
/// bulk) with the facts the text is made of (<see cref="BorrowerPrompt"/>): then <see cref="Text"/>,
/// <see cref="Template"/> and <see cref="FallbackText"/> are rendered from them when read. Messages stored either way
/// are read and delivered alike.
/// </summary>
public sealed record OutboxMessage
{
    private readonly string? _text;
    private readonly OutboxTemplate? _template;
    private readonly string? _fallbackText;

    /// <summary>
    /// Unique per real-world occurrence (e.g. <c>loan-repayment:xinfeng:XF2024001:2024-05-31:7d</c>). Enqueueing the
    /// same key twice stores it once, so producers may re-run freely.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>What it is about, for templates, logs and counts: "loan-repayment", "declaration-status", "duty" …</summary>
    public required string Kind { get; init; }

    public required string CountyId { get; init; }

    public required OutboxRecipient Recipient { get; init; }

    /// <summary>
    /// The final text in Simplified Chinese, as the recipient reads it: as given, else rendered from
    /// <see cref="BorrowerPrompt"/>. A producer gives one of the two.
    /// </summary>
    [JsonIgnore]
    public string Text { get => _text ?? StoredMessageTexts.Text(this); init => _text = value; }

    /// <summary>For WeChat farmers outside the 48-hour window: the template message to send instead.</summary>
    [JsonIgnore]
    public OutboxTemplate? Template { get => _template ?? StoredMessageTexts.Template(this); init => _template = value; }

    /// <summary>Who passes the message on when the recipient cannot be reached (the responsible cadre, on WeCom).</summary>
    public OutboxRecipient? FallbackRecipient { get; init; }

    /// <summary>The text for <see cref="FallbackRecipient"/> (e.g. "请电话告知 张三：…").</summary>
    [JsonIgnore]
    public string? FallbackText { get => _fallbackText ?? StoredMessageTexts.FallbackText(this); init => _fallbackText = value; }

    /// <summary>The facts of a borrower prompt, stored instead of its texts (null for a message built with its text).</summary>
    public BorrowerPromptFacts? BorrowerPrompt { get; init; }

    // What is stored: the texts only as given (a message built from facts stores none), under the names they always had,
    // so messages stored before facts existed read back with their texts.
    [JsonInclude, JsonPropertyName("text")]
    internal string? StoredText { get => _text; init => _text = value; }

    [JsonInclude, JsonPropertyName("template")]
    internal OutboxTemplate? StoredTemplate { get => _template; init => _template = value; }

    [JsonInclude, JsonPropertyName("fallbackText")]
    internal string? StoredFallbackText { get => _fallbackText; init => _fallbackText = value; }

    /// <summary>Not sent before this instant.</summary>
    public required DateTimeOffset DueAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Optional short label for admin views and previews (e.g. the 贷款编号 or 户编号).</summary>
    public string? Subject { get; init; }

    /// <summary>Optional stage for admin views and previews (e.g. "7d", "overdue-1").</summary>
    public string? Stage { get; init; }

    /// <summary>Optional human title for previews (e.g. 光伏电站运维（第1次，共2次）).</summary>
    public string? Title { get; init; }

    /// <summary>Optional place the message is about, "乡镇/村" ("" = county level), for previews by village or township.</summary>
    public string? Place { get; init; }
}
