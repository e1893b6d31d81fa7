using System.Globalization;

namespace AssistBot.LoadTest;

/// <summary>
/// Reads the server's <c>/metrics</c> (Prometheus text format; the smoke run switches it on) and sums each of the
/// service's own counters over its labels, so a run can show them moving.
/// </summary>
public static class PrometheusProbe
{
    /// <summary>The counters a smoke run reports, and the one that must move.</summary>
    public static readonly string[] Counters =
    [
        "assistbot_messages_in_total", "assistbot_replies_total", "assistbot_turn_duration_seconds_count",
        "assistbot_policy_outcomes_total", "assistbot_retries_dropped_total",
    ];

    public const string MustMove = "assistbot_messages_in_total";

    public static async Task<Dictionary<string, double>> ScrapeAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        var text = await client.GetStringAsync("/metrics");
        var sums = Counters.ToDictionary(c => c, _ => 0.0);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0 || !sums.ContainsKey(line[..nameEnd])) continue;
            // "name{labels} value [timestamp]": the value follows the closing brace (label values may hold spaces).
            var afterLabels = line[nameEnd] == '{' ? line.IndexOf('}', nameEnd) + 1 : nameEnd;
            var parts = line[afterLabels..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                sums[line[..nameEnd]] += value;
        }
        return sums;
    }

    public static string Describe(Dictionary<string, double> before, Dictionary<string, double> after) =>
        string.Join(", ", Counters.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c} +{after[c] - before[c]:0}")));
}
