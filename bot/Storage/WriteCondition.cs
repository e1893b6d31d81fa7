namespace AssistBot.Bot.Storage;

/// <summary>When a write may happen. Mirrors Bot Builder's ETag rules ("*" overwrites), plus create-only.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(WriteConditionKind kind, string? eTag) => (Kind, ETag) = (kind, eTag);

    public WriteConditionKind Kind { get; }

    /// <summary>The ETag that must match, for <see cref="WriteConditionKind.IfMatch"/>.</summary>
    public string? ETag { get; }

    /// <summary>Last writer wins.</summary>
    public static WriteCondition Always { get; } = new(WriteConditionKind.Always, null);

    /// <summary>Only when the key does not exist yet.</summary>
    public static WriteCondition IfNotExists { get; } = new(WriteConditionKind.IfNotExists, null);

    /// <summary>Only when the stored ETag equals <paramref name="eTag"/> (a stale write is a conflict).</summary>
    public static WriteCondition IfMatch(string eTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        return eTag == "*" ? Always : new(WriteConditionKind.IfMatch, eTag);
    }

    /// <summary>IfMatch for an item read earlier, IfNotExists when there was none.</summary>
    public static WriteCondition For<T>(StoreItem<T>? readBefore) =>
        readBefore is null ? IfNotExists : IfMatch(readBefore.ETag);

    public override string ToString() => Kind == WriteConditionKind.IfMatch ? $"IfMatch({ETag})" : Kind.ToString();
}

public enum WriteConditionKind
{
    Always,
    IfNotExists,
    IfMatch,
}
