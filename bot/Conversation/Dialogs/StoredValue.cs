using System.Text.Json;
using System.Text.Json.Nodes;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// Stores an arbitrary dialog value (a step result, dialog options) as JSON together with its type, so it comes back
/// as the same .NET type after a save/load. Only primitive types and AssistBot's own types are restored by type;
/// anything else comes back as a <see cref="JsonNode"/>.
/// </summary>
public static class StoredValue
{
    public static JsonNode? ToNode(object? value)
    {
        if (value is null) return null;
        var type = value.GetType();
        return new JsonObject
        {
            ["t"] = type.FullName,
            ["v"] = value is JsonNode node ? node.DeepClone() : JsonSerializer.SerializeToNode(value, type, StorageJson.Options),
        };
    }

    public static object? FromNode(JsonNode? node)
    {
        if (node is not JsonObject wrapper) return null;
        var value = wrapper["v"];
        var typeName = (string?)wrapper["t"];
        if (value is null) return null;
        var type = typeName is null ? null : ResolveType(typeName);
        if (type is null || typeof(JsonNode).IsAssignableFrom(type)) return value.DeepClone();
        return value.Deserialize(type, StorageJson.Options);
    }

    private static Type? ResolveType(string fullName)
    {
        var builtIn = Type.GetType(fullName);
        if (builtIn is not null && (builtIn.IsPrimitive || builtIn == typeof(string) || builtIn == typeof(decimal)
                || builtIn == typeof(DateTimeOffset) || builtIn == typeof(DateOnly) || builtIn == typeof(Guid)))
            return builtIn;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name?.StartsWith("AssistBot.", StringComparison.Ordinal) != true) continue;
            if (assembly.GetType(fullName) is { } own) return own;
        }
        return null;
    }
}
