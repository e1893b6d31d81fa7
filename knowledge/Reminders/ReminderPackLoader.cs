using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AssistBot.Knowledge.Reminders;

/// <summary>Reads and checks <c>reminders.yaml</c> of a county pack.</summary>
public static class ReminderPackLoader
{
    public const string FileName = "reminders.yaml";

    private static readonly string[] Periods = ["week", "month", "quarter", "half-year", "year"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The pack's rules, or <see cref="ReminderPack.Empty"/> when the pack has no reminders file.</summary>
    public static ReminderPack LoadPack(string packsDirectory, string packId)
    {
        var path = Path.Combine(packsDirectory, packId, FileName);
        return File.Exists(path) ? Load(path) : ReminderPack.Empty;
    }

    public static ReminderPack Load(string path) => Parse(File.ReadAllText(path), path);

    public static ReminderPack Parse(string yaml, string origin = "reminders.yaml")
    {
        var pack = Yaml.Deserialize<ReminderPack?>(yaml) ?? new ReminderPack();
        Validate(pack, origin);
        return pack;
    }

    private static void Validate(ReminderPack pack, string origin)
    {
        var problems = new List<string>();
        if (!TimeOnly.TryParseExact(pack.SendTime, "HH:mm", out _)) problems.Add($"sendTime '{pack.SendTime}' is not HH:mm");
        if (pack.Loans.BorrowerStagesDays.Any(d => d <= 0)) problems.Add("loans.borrowerStagesDays must be positive");
        if (pack.Loans.OverdueEscalationDays.Any(d => d <= 0)) problems.Add("loans.overdueEscalationDays must be positive");
        if (pack.Loans.SupervisionMonths.Any(m => m is < 1 or > 12)) problems.Add("loans.supervisionMonths must be 1–12");
        if (pack.Duties.GraceWorkdays < 0) problems.Add("duties.graceWorkdays must not be negative");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duty in pack.Duties.Items)
        {
            if (string.IsNullOrWhiteSpace(duty.Id) || !ids.Add(duty.Id)) problems.Add($"duty id '{duty.Id}' is empty or repeated");
            if (string.IsNullOrWhiteSpace(duty.AppliesTo)) problems.Add($"duty {duty.Id}: appliesTo is missing");
            if ((duty.Every is null) == (duty.WithinDays is null)) problems.Add($"duty {duty.Id}: give either every or withinDays");
            if (duty.Every is not null && !Periods.Contains(duty.Every)) problems.Add($"duty {duty.Id}: every '{duty.Every}' is not one of {string.Join(", ", Periods)}");
            if (duty.Times < 1) problems.Add($"duty {duty.Id}: times must be at least 1");
            if (duty.WithinDays is < 1) problems.Add($"duty {duty.Id}: withinDays must be at least 1");
            if (duty.Recipient is not ("cadre" or "township-lead")) problems.Add($"duty {duty.Id}: recipient must be cadre or township-lead");
            if (string.IsNullOrWhiteSpace(duty.Source)) problems.Add($"duty {duty.Id}: source is missing");
        }
        foreach (var window in pack.Windows)
        {
            if (!DateOnly.TryParseExact(window.Opens, "yyyy-MM-dd", out var opens) ||
                !DateOnly.TryParseExact(window.Closes, "yyyy-MM-dd", out var closes))
                problems.Add($"window {window.Id}: opens/closes must be yyyy-MM-dd");
            else if (closes < opens) problems.Add($"window {window.Id}: closes before it opens");
            if (string.IsNullOrWhiteSpace(window.Id) || !ids.Add(window.Id)) problems.Add($"window id '{window.Id}' is empty or repeated");
            if (string.IsNullOrWhiteSpace(window.Source)) problems.Add($"window {window.Id}: source is missing");
        }
        if (problems.Count > 0) throw new InvalidDataException($"{origin}: {string.Join("; ", problems)}");
    }
}
