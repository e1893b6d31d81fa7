using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AssistBot.Bot.Observability;

/// <summary>
/// The service's own metrics and trace source. Labels are channel, county, outcome, step and error code only —
/// never a user id, openid, name, ID number or phone. With no exporter configured nothing listens, and recording a
/// measurement or starting a span costs next to nothing.
/// </summary>
public static class AssistBotTelemetry
{
    public const string Name = "AssistBot";

    public static readonly ActivitySource Traces = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Messages received (after signature and dedup checks), by channel and county.</summary>
    public static readonly Counter<long> MessagesIn =
        Meter.CreateCounter<long>("assistbot.messages.in", "{message}", "Messages received, by channel and county");

    /// <summary>How long a turn took from activity to replies, by channel and county.</summary>
    public static readonly Histogram<double> TurnDuration =
        Meter.CreateHistogram("assistbot.turn.duration", "s", "Turn latency, by channel and county", tags: null,
            // Seconds, around WeChat's 5-second passive reply limit (the service answers by 4 s or defers).
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8] });

    /// <summary>WeChat/WeCom replies: passive (in the callback response) or deferred (pushed later).</summary>
    public static readonly Counter<long> Replies =
        Meter.CreateCounter<long>("assistbot.replies", "{reply}", "WeChat/WeCom replies, passive or deferred");

    /// <summary>Platform retries of a message already being processed, answered from the first delivery.</summary>
    public static readonly Counter<long> RetriesDropped =
        Meter.CreateCounter<long>("assistbot.retries.dropped", "{message}", "WeChat/WeCom retries dropped as duplicates");

    /// <summary>Policy questions by county and outcome (answer / clarify / fallback).</summary>
    public static readonly Counter<long> PolicyOutcomes =
        Meter.CreateCounter<long>("assistbot.policy.outcomes", "{question}", "Policy questions by outcome");

    /// <summary>Declaration workflow steps taken, by county and step.</summary>
    public static readonly Counter<long> DeclarationSteps =
        Meter.CreateCounter<long>("assistbot.declarations.steps", "{step}", "Declaration steps, by county and step");

    /// <summary>Counts a policy question's outcome (answer / clarify / fallback) for a county.</summary>
    public static void PolicyOutcome(string county, AssistBot.Knowledge.Answering.PolicyOutcome outcome) =>
        PolicyOutcomes.Add(1, new KeyValuePair<string, object?>("county", county),
            new KeyValuePair<string, object?>("outcome", outcome switch
            {
                AssistBot.Knowledge.Answering.PolicyOutcome.Answer => "answer",
                AssistBot.Knowledge.Answering.PolicyOutcome.Clarify => "clarify",
                _ => "fallback",
            }));

    /// <summary>Counts a declaration step taken (submit, accept, verify, include, reject, transfer) in a county.</summary>
    public static void DeclarationStep(string county, Cases.DeclarationAction step) =>
        DeclarationSteps.Add(1, new KeyValuePair<string, object?>("county", county),
            new KeyValuePair<string, object?>("step", step.ToString().ToLowerInvariant()));

    /// <summary>access_token (and jsapi_ticket) refreshes, by kind.</summary>
    public static readonly Counter<long> TokenRefreshes =
        Meter.CreateCounter<long>("assistbot.tokens.refreshes", "{refresh}", "Platform access token refreshes");

    private static int _storageUp = 1;

    /// <summary>Storage reachability as last seen by a health check: 1 up, 0 down.</summary>
    public static void ReportStorage(bool reachable) => Volatile.Write(ref _storageUp, reachable ? 1 : 0);

    static AssistBotTelemetry()
    {
        Meter.CreateObservableGauge("assistbot.storage.up", () => Volatile.Read(ref _storageUp), "{bool}",
            "1 while storage answered the last health check, 0 otherwise");
        CreateOutboxGauges();
    }

    private static long _outboxPending;
    private static double _outboxOverdueSeconds;

    /// <summary>Outbox depth and how late its most overdue message is, as last sampled by <see cref="OutboxGauges"/>.</summary>
    internal static void ReportOutbox(long pending, double overdueSeconds)
    {
        Volatile.Write(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOverdueSeconds, overdueSeconds);
    }

    private static void CreateOutboxGauges()
    {
        Meter.CreateObservableGauge("assistbot.outbox.pending", () => Volatile.Read(ref _outboxPending), "{message}",
            "Messages waiting in the outbox");
        Meter.CreateObservableGauge("assistbot.outbox.overdue", () => Volatile.Read(ref _outboxOverdueSeconds), "s",
            "How long the most overdue pending outbox message has been due");
    }
}
