namespace AssistBot.Bot.Storage;

/// <summary>
/// A document passed through storage as its UTF-8 JSON, neither parsed on read nor re-serialized on write.
/// Bot state uses it to parse only what a turn touches and to serialize each save once.
/// </summary>
public sealed class JsonBytes(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;
}
