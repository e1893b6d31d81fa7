using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Storage;

/// <summary>The one JSON shape used for every stored document.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize<T>(T value) =>
        value is JsonBytes raw ? raw.Utf8 : JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Like the span overload, but a <see cref="JsonBytes"/> takes the array as is (no copy).</summary>
    public static T Deserialize<T>(byte[] utf8) =>
        typeof(T) == typeof(JsonBytes) ? (T)(object)new JsonBytes(utf8) : Deserialize<T>(utf8.AsSpan());

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8) =>
        typeof(T) == typeof(JsonBytes)
            ? (T)(object)new JsonBytes(utf8.ToArray())
            : JsonSerializer.Deserialize<T>(utf8, Options) ?? throw new JsonException("Stored document is null.");
}
