namespace AssistBot.Bot.Storage;

/// <summary>A stored document and the ETag it had when read.</summary>
public sealed record StoreItem<T>(T Value, string ETag);

/// <summary>One member of a scored index.</summary>
public readonly record struct IndexEntry(string Member, double Score);
