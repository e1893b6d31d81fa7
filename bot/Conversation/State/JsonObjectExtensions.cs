using System.Text.Json;
using System.Text.Json.Nodes;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>
/// Typed get/set on the JSON bags dialogs keep their state in (waterfall Values, prompt state). Values are stored
/// as JSON, so what a step stores survives the save/load between turns unchanged.
/// </summary>
public static class JsonObjectExtensions
{
    public static T? Get<T>(this JsonObject bag, string key, T? defaultValue = default) =>
        bag[key] is { } node ? node.Deserialize<T>(StorageJson.Options) : defaultValue;

    public static void Set<T>(this JsonObject bag, string key, T value) =>
        bag[key] = value is null ? null : JsonSerializer.SerializeToNode(value, StorageJson.Options);

    public static bool Has(this JsonObject bag, string key) => bag.ContainsKey(key) && bag[key] is not null;
}
