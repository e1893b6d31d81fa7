using System.Text.Json;
using System.Text.Json.Serialization;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders;

/// <summary>One line of <c>reminders preview --json</c> (and the admin preview): what would be sent, when, to whom.</summary>
public sealed record ReminderPreviewLine(
    [property: JsonPropertyName("due")] string Due,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("recipient")] string Recipient,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("fallback")] string? Fallback,
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("place")] string? Place = null,
    [property: JsonPropertyName("recipientName")] string? RecipientName = null,
    [property: JsonPropertyName("route")] string? Route = null,
    [property: JsonPropertyName("skipped")] string? Skipped = null)
{
    /// <summary>The route the message would take today and why the earlier ones would be skipped (farmers' messages).</summary>
    public ReminderPreviewLine WithPlan(AssistBot.Scheduler.Delivery.RoutePlan plan) => this with
    {
        Route = plan.Route ?? "none",
        Skipped = plan.Skipped.Count == 0 ? null : string.Join("; ", plan.Skipped.Select(s => $"{s.Route}: {s.Reason}")),
    };

    public static ReminderPreviewLine From(OutboxMessage message) => From(message, null);

    public static ReminderPreviewLine From(OutboxMessage message, PreviewScope? scope) => new(
        ChinaTime.ToChina(message.DueAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        message.Kind,
        message.Stage ?? "",
        message.Subject ?? "",
        message.Recipient.Channel == OutboxRecipient.None ? "-" : RecipientMask.UserId(message.Recipient.UserId),
        message.Recipient.Channel,
        message.FallbackRecipient is { } f ? $"{f.Channel}:{RecipientMask.UserId(f.UserId)}" : null,
        message.Title,
        message.Place,
        scope?.NameOf(message.Recipient));

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
