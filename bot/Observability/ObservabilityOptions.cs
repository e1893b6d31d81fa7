namespace AssistBot.Bot.Observability;

/// <summary><c>Observability</c> in appsettings.json.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Serve Prometheus metrics at <c>/metrics</c>. Off by default: keep it off the public side of the proxy.</summary>
    public bool Prometheus { get; set; }
}
