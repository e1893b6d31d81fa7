namespace AssistBot.Bot.Storage;

/// <summary>
/// Logs a storage outage once, not once per message: one warning when storage becomes unreachable, one when it is
/// reachable again with how long it was down and how many turns failed in between (each got a polite reply). The
/// places that catch a failed turn ask <see cref="TurnFailed"/> first and log their own error only for other failures;
/// anything that sees storage answer calls <see cref="Reachable"/> (a single volatile read while all is well).
/// </summary>
public sealed class StorageOutageLog(IStorageHealth storage, ILogger<StorageOutageLog> logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _down;
    private long _failedTurns;
    private DateTimeOffset _since;

    /// <summary>True while an outage has been seen and no success since.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>Whether <paramref name="exception"/> (or what it wraps) says storage is unreachable.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is StorageUnavailableException) return true;
        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage);
    }

    /// <summary>
    /// A turn failed with <paramref name="exception"/>: when that is an outage, it is counted (and the first one
    /// logged) and the result is true — the caller logs nothing more. False for any other failure.
    /// </summary>
    public bool TurnFailed(Exception exception)
    {
        if (!IsOutage(exception)) return false;
        Interlocked.Increment(ref _failedTurns);
        Unreachable(exception);
        return true;
    }

    /// <summary>Storage did not answer (e.g. the health check); logs only the start of an outage.</summary>
    public void Unreachable(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _down, 1, 0) != 0) return;
        _since = _time.GetUtcNow();
        logger.LogWarning("Storage {Backend} is unreachable: {Reason}. Turns fail with a polite reply until it is back; " +
            "the next warning says when it recovers and how many turns failed", storage.Description, Reason(exception));
    }

    /// <summary>Storage answered: logs the end of an outage, if there was one.</summary>
    public void Reachable()
    {
        if (Volatile.Read(ref _down) == 0 || Interlocked.Exchange(ref _down, 0) == 0) return;
        var failed = Interlocked.Exchange(ref _failedTurns, 0);
        var duration = _time.GetUtcNow() - _since;
        logger.LogWarning("Storage {Backend} is reachable again after {Duration:c}; {FailedTurns} turns failed while it was unreachable",
            storage.Description, duration, failed);
    }

    private static string Reason(Exception exception)
    {
        var message = exception.Message;
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
