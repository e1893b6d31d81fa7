using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Hosting;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 while storage answers, 503 while it does not.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IStorage storage, StorageOutageLog outage, Counties counties, CancellationToken ct) =>
        {
            string? problem = null;
            try
            {
                await storage.PingAsync(ct);
                outage.Reachable();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                problem = e is TimeoutException ? "timeout" : e.GetType().Name;
                // Logged once per outage (start and end), not on every probe.
                outage.Unreachable(e);
            }
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
