using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// One async lock per conversation inside this process, granted first come, first served, so two messages of the
/// same user run one after the other in arrival order. An entry lives only while someone holds or waits for it.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Conversations currently locked or waited for (for tests and diagnostics).</summary>
    public int Count
    {
        get { lock (_entries) return _entries.Count; }
    }

    /// <summary>The lock key of an activity's conversation.</summary>
    public static string KeyFor(Activity activity) => string.Concat(activity.ChannelId, "/", activity.Conversation?.Id);

    /// <summary>Whether a turn of this conversation is running or waiting in this process right now.</summary>
    public bool IsBusy(string key)
    {
        lock (_entries) return _entries.ContainsKey(key);
    }

    public async ValueTask<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource waiter;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var entry)) _entries[key] = entry = new Entry();
            entry.References++;
            if (!entry.Held)
            {
                entry.Held = true;
                return new Releaser(this, key);
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.Waiters.Enqueue(waiter);
        }
        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Releaser(this, key);
        }
        catch (OperationCanceledException)
        {
            if (waiter.TrySetCanceled(cancellationToken))
            {
                lock (_entries)
                {
                    var entry = _entries[key];
                    if (--entry.References == 0) _entries.Remove(key);
                }
            }
            else
            {
                Release(key); // the lock was handed to us just as we gave up: pass it on
            }
            throw;
        }
    }

    private void Release(string key)
    {
        lock (_entries)
        {
            var entry = _entries[key];
            entry.References--;
            while (entry.Waiters.TryDequeue(out var next))
                if (next.TrySetResult()) return; // the lock passes straight to the next waiter
            entry.Held = false;
            if (entry.References == 0) _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public bool Held;
        public int References;
        public readonly Queue<TaskCompletionSource> Waiters = new();
    }

    private sealed class Releaser(ConversationLocks owner, string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Release(key);
        }
    }
}
