using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AssistBot.Scheduler.Telemetry;

/// <summary>
/// Delivery metrics, on the service's meter name ("AssistBot") so one exporter picks them up with the rest. Labels:
/// reminder kind, result (sent / retry / failed), the route it went out on, and the platform error code — never a
/// recipient.
/// </summary>
public static class DeliveryTelemetry
{
    private static readonly Meter Meter = new("AssistBot");

    private static readonly Counter<long> Sends =
        Meter.CreateCounter<long>("assistbot.outbox.sends", "{message}", "Outbox send attempts by kind, result, route and error code");

    public static void Sent(string kind, string via) => Sends.Add(1, new TagList
    {
        { "kind", kind }, { "result", "sent" }, { "route", via }, { "code", "0" },
    });

    public static void NotSent(string kind, bool willRetry, string? reason) => Sends.Add(1, new TagList
    {
        { "kind", kind }, { "result", willRetry ? "retry" : "failed" }, { "route", "none" }, { "code", ErrorCode(reason) },
    });

    /// <summary>The WeChat/WeCom errcode a reason starts with ("45047: …", "errcode 43004 …"), or "other".</summary>
    internal static string ErrorCode(string? reason)
    {
        if (string.IsNullOrEmpty(reason)) return "other";
        var span = reason.AsSpan();
        if (span.StartsWith("errcode", StringComparison.OrdinalIgnoreCase)) span = span[7..].TrimStart(" =:");
        var length = 0;
        if (length < span.Length && span[length] == '-') length++;
        while (length < span.Length && char.IsAsciiDigit(span[length]) && length < 7) length++;
        return length > 0 && (span[0] != '-' || length > 1) ? span[..length].ToString() : "other";
    }
}
