using System.Text.Json.Serialization;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>Direct Line <c>Conversation</c>: note the snake_case <c>expires_in</c> (seconds).</summary>
internal sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>Direct Line <c>ActivitySet</c>: the watermark is a string.</summary>
internal sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);
