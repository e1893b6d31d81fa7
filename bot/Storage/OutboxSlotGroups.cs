namespace AssistBot.Bot.Storage;

/// <summary>
/// How the outbox's keys spread over slot groups (<see cref="IScoredIndex.SlotGroups"/>): the group of an id and the
/// group's hash tag. One rule for the messages (<see cref="StorageOutbox"/>) and the reminder pointers
/// (<see cref="StorageReminderPointers"/>), so what one enqueue or claim touches stays in one slot.
/// </summary>
internal static class OutboxSlotGroups
{
    /// <summary>The slot group of an id: stable across processes (FNV-1a), 0 when there is one group.</summary>
    public static int GroupOf(string id, int groups)
    {
        if (groups == 1) return 0;
        var hash = 2166136261u;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)groups);
    }

    /// <summary>The hash tag of a group, <c>{keyspace:g}</c>; none with one group (keys keep their plain names).</summary>
    public static string Tag(string keyspace, int group, int groups) => groups == 1 ? "" : "{" + keyspace + ":" + group + "}";
}
