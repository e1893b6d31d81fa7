using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Conversation.Schema;

public sealed class ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? role = null) => (Id, Name, Role) = (id, name, role);

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ConversationAccount
{
    public ConversationAccount() { }

    public ConversationAccount(string id, string? name = null) => (Id, Name) = (id, name);

    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

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

public sealed record ResourceResponse(string Id);
