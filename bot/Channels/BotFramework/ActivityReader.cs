using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.BotFramework;

/// <summary>Reads an Activity from a request body; a missing body, bad JSON or a missing <c>type</c> is a 400.</summary>
internal static class ActivityReader
{
    private const int MaxBodyBytes = 256 * 1024;

    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct).ConfigureAwait(false);
        if (body is null)
            return (null, BotFrameworkErrors.Error(StatusCodes.Status413PayloadTooLarge, "BadArgument", "The activity is too large."));
        if (body.Length == 0 || IsWhiteSpace(body))
            return (null, BotFrameworkErrors.BadRequest("The request body is empty; an Activity is expected."));
        try
        {
            // Parsed as a document first: Activity.Type defaults to "message", so a missing type is only visible here.
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, BotFrameworkErrors.BadRequest("The request body must be an Activity object."));
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String ||
                string.IsNullOrWhiteSpace(type.GetString()))
                return (null, BotFrameworkErrors.BadRequest("The activity has no 'type'."));
            var activity = root.Deserialize<Activity>(ActivityJson.Options)!;
            return (activity, null);
        }
        catch (JsonException)
        {
            return (null, BotFrameworkErrors.BadRequest("The request body is not a valid Activity (JSON)."));
        }
    }

    /// <summary>The whole body, or null when it is larger than the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes) return null;
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)n : 1024);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsWhiteSpace(byte[] body)
    {
        foreach (var b in body)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }
}
