using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Conversation.Schema;

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
