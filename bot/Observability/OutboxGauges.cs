using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Observability;

/// <summary>Samples the outbox's depth and lag every <see cref="Interval"/> for the metrics (only while metrics are exported).</summary>
internal sealed class OutboxGauges(IOutbox outbox, TimeProvider time, ILogger<OutboxGauges> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var counts = await outbox.CountsAsync(stoppingToken).ConfigureAwait(false);
                var oldest = await outbox.ListAsync(OutboxStatus.Pending, 0, 1, stoppingToken).ConfigureAwait(false);
                var overdue = oldest.Count == 0 ? 0 : Math.Max(0, (time.GetUtcNow() - oldest[0].NextAttemptAt).TotalSeconds);
                AssistBotTelemetry.ReportOutbox(counts.Pending, overdue);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug("Outbox gauges not sampled: {Error}", e.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
