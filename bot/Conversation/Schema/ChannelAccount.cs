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
