namespace AssistBot.Scheduler.Ports;

/// <summary>Where each sweep got to, so a restart or a missed firing catches up from there.</summary>
public interface ISweepWatermarks
{
    ValueTask<DateTimeOffset?> GetAsync(string countyId, string sweep, CancellationToken cancellationToken = default);

    /// <summary>Moves the mark forward to <paramref name="to"/> (never backwards, whoever else swept meanwhile).</summary>
    ValueTask AdvanceAsync(string countyId, string sweep, DateTimeOffset to, CancellationToken cancellationToken = default);
}
