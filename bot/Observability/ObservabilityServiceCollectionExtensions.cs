using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AssistBot.Bot.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry when something will read it: Prometheus at <c>/metrics</c> (<c>Observability:Prometheus</c>) and/or
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (metrics and traces: the channel request, storage calls on
    /// Redis, outbound WeChat/WeCom calls, the turn). With neither, nothing is registered and nothing listens.
    /// </summary>
    public static IServiceCollection AddAssistBotObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new();
        services.Configure<ObservabilityOptions>(configuration.GetSection(ObservabilityOptions.Section));
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!options.Prometheus && !otlp) return services;

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("assistbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AssistBotTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                // No response cache: a scrape always shows the current values (scrapes come every few seconds at most).
                if (options.Prometheus) metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(AssistBotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                // Redis command spans for the service's multiplexer (none is registered with the embedded store).
                tracing.AddRedisInstrumentation();
            });
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS itself.
            telemetry.UseOtlpExporter();
        }
        services.AddHostedService<OutboxGauges>();
        return services;
    }

    /// <summary><c>GET /metrics</c> in Prometheus text format when <c>Observability:Prometheus</c> is on.</summary>
    public static IEndpointRouteBuilder MapAssistBotMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.Prometheus) endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
