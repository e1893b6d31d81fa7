using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Delivery;

/// <summary>Background loop draining the outbox every <see cref="DeliveryOptions.PollInterval"/>.</summary>
public sealed class OutboxWorker(OutboxDelivery delivery, DeliveryOptions options, Sweeps.SweepOptions sweeps, TimeProvider time,
    ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sweeps.Enabled) return;
        var failedRounds = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while there is a backlog; rest when a round comes back empty.
                var delivered = await delivery.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (failedRounds > 0)
                {
                    logger.LogWarning("Outbox delivery works again after {Rounds} failed rounds", failedRounds);
                    failedRounds = 0;
                }
                if (delivered > 0) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The first failure of a run is logged in full; the rounds after it (e.g. while storage is down) only
                // at debug level, and the recovery says how many there were.
                if (failedRounds++ == 0)
                    logger.LogWarning("Outbox delivery round failed ({Type}: {Error}); retrying every {Interval}", e.GetType().Name, e.Message,
                        options.PollInterval);
                logger.LogDebug(e, "Outbox delivery round failed");
            }
            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
