using AssistBot.Bot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AssistBot.Bot.Hosting;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>ASP.NET Core health checks: storage decides readiness; liveness asks nothing of anything outside.</summary>
    public static IServiceCollection AddAssistBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>GET /health/live</c>: 200 while the process serves requests (a supervisor restarts it otherwise);
    /// <c>GET /health/ready</c>: 200 while storage answers (a load balancer sends traffic elsewhere otherwise);
    /// <c>GET /healthz</c>: both in one JSON report, 200 / 503, as before.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        endpoints.MapGet("/healthz", async (IStorageHealth storage, StorageOutageLog outage, Counties counties, CancellationToken ct) =>
        {
            string? problem = null;
            try
            {
                await storage.PingAsync(ct).ConfigureAwait(false);
                outage.Reachable();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problem = e is TimeoutException ? "timeout" : e.GetType().Name;
                // Logged once per outage (start and end), not on every probe.
                outage.Unreachable(e);
            }
            Observability.AssistBotTelemetry.ReportStorage(problem is null);
            var body = new HealthReport(
                problem is null ? "ok" : "unavailable",
                new StorageHealth(storage.Description, problem is null, problem),
                counties.All.Select(c => c.Id).ToArray());
            return Results.Json(body, statusCode: problem is null ? 200 : 503);
        });
        return endpoints;
    }

    private sealed record HealthReport(string Status, StorageHealth Storage, string[] Counties);

    private sealed record StorageHealth(string Backend, bool Reachable, string? Error);
}
