using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Conversation.Schema;

public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>The event activity a proactive turn starts with (name ContinueConversation).</summary>
    public Activity GetContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = ActivityEventNames.ContinueConversation,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        Recipient = Bot,
        From = User,
        RelatesTo = this,
    };
}
