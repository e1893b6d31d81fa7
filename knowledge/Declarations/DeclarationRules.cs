namespace AssistBot.Knowledge.Declarations;

/// <summary>
/// A county's self-declaration rules from <c>declaration.yaml</c>: reference-number prefix, the monitoring income
/// line (only where a source gives it), the procedure farmers are told about, and the next step after each status
/// with its time limit (only where a source gives one). Every figure carries its source.
/// </summary>
public sealed class DeclarationRules
{
    public required string CountyId { get; init; }

    /// <summary>Prefix of reference numbers, e.g. XF (XF-20240515-0007).</summary>
    public required string ReferencePrefix { get; init; }

    /// <summary>The monitoring income line, or null when the county has not configured one.</summary>
    public MonitoringLine? MonitoringLine { get; init; }

    public required ProcedureRules Procedure { get; init; }

    /// <summary>Next step by status key (submitted, accepted, verified, included).</summary>
    public required IReadOnlyDictionary<string, NextStepRule> NextSteps { get; init; }

    /// <summary>The other ways to declare (12317, the village committee), as told to farmers.</summary>
    public required string OtherChannels { get; init; }

    public NextStepRule? NextStepAfter(string statusKey) => NextSteps.GetValueOrDefault(statusKey);

    public static DeclarationRules Load(string path)
    {
        var file = Packs.PackYaml.Read<DeclarationFile>(path);
        if (string.IsNullOrWhiteSpace(file.County)) throw new InvalidDataException($"{path}: 'county' is missing.");
        if (string.IsNullOrWhiteSpace(file.ReferencePrefix) || !file.ReferencePrefix.All(char.IsAsciiLetterOrDigit))
            throw new InvalidDataException($"{path}: 'reference_prefix' must be letters or digits.");
        if (file.Procedure.Steps.Count == 0 || string.IsNullOrWhiteSpace(file.Procedure.Citation))
            throw new InvalidDataException($"{path}: procedure needs steps and a citation.");
        if (file.MonitoringLine is { } line && (line.Amount <= 0 || string.IsNullOrWhiteSpace(line.Source)))
            throw new InvalidDataException($"{path}: 'monitoring_line' needs a positive amount and a source.");
        foreach (var (key, step) in file.NextSteps)
        {
            if (string.IsNullOrWhiteSpace(step.Step)) throw new InvalidDataException($"{path}: next_steps.{key}.step is missing.");
            if (step.Days is not null && (step.Days <= 0 || string.IsNullOrWhiteSpace(step.Source)))
                throw new InvalidDataException($"{path}: next_steps.{key} has days without a source.");
            if (step.From is not ("submitted" or "transition"))
                throw new InvalidDataException($"{path}: next_steps.{key}.from must be 'submitted' or 'transition'.");
        }
        return new DeclarationRules
        {
            CountyId = file.County,
            ReferencePrefix = file.ReferencePrefix.ToUpperInvariant(),
            MonitoringLine = file.MonitoringLine is { } m ? new MonitoringLine(m.Amount, m.Year, m.Source) : null,
            Procedure = new ProcedureRules(file.Procedure.Steps, file.Procedure.PublicityMinDays, file.Procedure.TotalLimitDays,
                file.Procedure.Citation, file.Procedure.Source),
            NextSteps = file.NextSteps.ToDictionary(kv => kv.Key,
                kv => new NextStepRule(kv.Value.Step, kv.Value.Days, kv.Value.From == "submitted", kv.Value.Source)),
            OtherChannels = file.OtherChannels,
        };
    }

    private sealed class DeclarationFile
    {
        public string County { get; set; } = "";
        public string ReferencePrefix { get; set; } = "";
        public MonitoringLineEntry? MonitoringLine { get; set; }
        public ProcedureEntry Procedure { get; set; } = new();
        public Dictionary<string, NextStepEntry> NextSteps { get; set; } = [];
        public string OtherChannels { get; set; } = "";

        /// <summary>Where the other channels come from, for whoever reviews the file; not used at run time.</summary>
        public string? OtherChannelsSource { get; set; }
    }

    private sealed class MonitoringLineEntry
    {
        public decimal Amount { get; set; }
        public int Year { get; set; }
        public string Source { get; set; } = "";
    }

    private sealed class ProcedureEntry
    {
        public List<string> Steps { get; set; } = [];
        public int? PublicityMinDays { get; set; }
        public int? TotalLimitDays { get; set; }
        public string Citation { get; set; } = "";
        public string Source { get; set; } = "";
    }

    private sealed class NextStepEntry
    {
        public string Step { get; set; } = "";
        public int? Days { get; set; }
        public string From { get; set; } = "transition";
        public string? Source { get; set; }
    }
}
