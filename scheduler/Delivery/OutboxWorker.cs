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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while there is a backlog; rest when a round comes back empty.
                if (await delivery.RunOnceAsync(stoppingToken).ConfigureAwait(false) > 0) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox delivery round failed; trying again shortly");
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
