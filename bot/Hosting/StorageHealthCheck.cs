using AssistBot.Bot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssistBot.Bot.Hosting;

/// <summary>Readiness: the service can only do its work while storage answers.</summary>
internal sealed class StorageHealthCheck(IStorageHealth storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.PingAsync(cancellationToken).ConfigureAwait(false);
            Observability.AssistBotTelemetry.ReportStorage(true);
            return HealthCheckResult.Healthy(storage.Description);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Observability.AssistBotTelemetry.ReportStorage(false);
            return HealthCheckResult.Unhealthy($"{storage.Description}: {(e is TimeoutException ? "timeout" : e.GetType().Name)}");
        }
    }
}
