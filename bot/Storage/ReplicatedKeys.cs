namespace AssistBot.Bot.Storage;

/// <summary>The keys one operation wrote, by role (documents, scored indexes, counters), as their owner names them.</summary>
public sealed record ReplicatedKeys(IReadOnlyList<string> Documents, IReadOnlyList<string>? Indexes = null,
    IReadOnlyList<string>? Counters = null);
