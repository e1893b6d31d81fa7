namespace AssistBot.Bot.Storage;

/// <summary>A conditional write lost: the document changed (or appeared, or vanished) since it was read.</summary>
public sealed class StorageConflictException(string key, WriteCondition condition)
    : Exception($"Storage write to '{key}' rejected: condition {condition} does not hold.")
{
    public string Key { get; } = key;
    public WriteCondition Condition { get; } = condition;
}

/// <summary>The backing store could not be reached or failed.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
