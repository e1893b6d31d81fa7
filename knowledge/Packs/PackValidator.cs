namespace AssistBot.Knowledge.Packs;

/// <summary>
/// The rules a pack must meet before the bot uses it: every entry cites a document in 《》, ids are unique, no answer is
/// empty or longer than a phone screen, parents and overrides exist. A pack of a county the service does not configure
/// is skipped with a warning (<see cref="Usable"/>).
/// </summary>
public static class PackValidator
{
    /// <summary>A WeChat screen; longer answers are refused so county staff split them into detail/how.</summary>
    public const int MaxAnswerChars = 600;

    public static IReadOnlyList<PackIssue> Validate(IReadOnlyList<KnowledgePack> packs, IReadOnlyCollection<string>? knownCounties = null,
        Understanding.Vocabulary? vocabulary = null)
    {
        var issues = new List<PackIssue>();
        var packIds = new HashSet<string>(StringComparer.Ordinal);
        var entryOrigins = new Dictionary<string, string>(StringComparer.Ordinal);
        var entriesById = packs.SelectMany(p => p.Entries).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());

        if (!packs.Any(p => p.IsNational))
            issues.Add(PackIssue.Error("packs", 0, $"the '{KnowledgePack.NationalId}' pack is missing"));

        foreach (var pack in packs)
        {
            var manifest = Path.Combine(pack.Directory, PackFiles.Manifest);
            if (string.IsNullOrWhiteSpace(pack.Id)) issues.Add(PackIssue.Error(manifest, 0, "id is empty"));
            else if (!packIds.Add(pack.Id)) issues.Add(PackIssue.Error(manifest, 0, $"pack id '{pack.Id}' is used twice"));
            if (!string.IsNullOrEmpty(pack.Directory) && Path.GetFileName(pack.Directory) != pack.Id)
                issues.Add(PackIssue.Error(manifest, 0, $"pack id '{pack.Id}' does not match its folder name '{Path.GetFileName(pack.Directory)}'"));

            if (string.IsNullOrWhiteSpace(pack.County))
                issues.Add(PackIssue.Error(manifest, 0, "county is empty"));
            else if (!IsConfigured(pack, knownCounties))
            {
                // Not used by this deployment, so not checked further: the other packs load.
                issues.Add(PackIssue.Warning(manifest, 0, $"county '{pack.County}' is not a configured county ({string.Join(", ", knownCounties!)}): pack '{pack.Id}' is skipped"));
                continue;
            }

            if (!pack.IsNational)
            {
                if (string.IsNullOrWhiteSpace(pack.CountyName)) issues.Add(PackIssue.Error(manifest, 0, "county_name is empty"));
                if (pack.Parent is null) issues.Add(PackIssue.Warning(manifest, 0, "no parent pack: national answers will not be available in this county"));
            }
            if (pack.Parent is not null && !packs.Any(p => p.Id == pack.Parent))
                issues.Add(PackIssue.Error(manifest, 0, $"parent pack '{pack.Parent}' does not exist"));
            if (!string.IsNullOrEmpty(pack.Document) && !HasBookTitle(pack.Document))
                issues.Add(PackIssue.Error(manifest, 0, "document must be a title in 《》"));
            if (pack.Entries.Count == 0) issues.Add(PackIssue.Warning(manifest, 0, "pack has no entries"));

            foreach (var entry in pack.Entries)
            {
                ValidateEntry(pack, entry, entryOrigins, entriesById, issues);
                if (vocabulary is { IsEmpty: false }) ValidateTopicAndAspects(entry, vocabulary, issues);
            }
            ValidateLabelledQuestions(pack, packs, issues);
        }
        return issues;
    }

    /// <summary>
    /// The packs the service uses: the national one and those of configured counties. A deployment that configures one
    /// county but ships both packs still gets its Q&amp;A; the other county's pack is skipped with a warning
    /// (<see cref="Validate"/>), not rejected with everything else.
    /// </summary>
    public static IReadOnlyList<KnowledgePack> Usable(IReadOnlyList<KnowledgePack> packs, IReadOnlyCollection<string>? knownCounties) =>
        knownCounties is null ? packs : [.. packs.Where(p => IsConfigured(p, knownCounties))];

    private static bool IsConfigured(KnowledgePack pack, IReadOnlyCollection<string>? knownCounties) =>
        pack.IsNational || knownCounties is null || string.IsNullOrWhiteSpace(pack.County) || knownCounties.Contains(pack.County);

    private static void ValidateEntry(KnowledgePack pack, PolicyEntry entry, Dictionary<string, string> origins,
        Dictionary<string, PolicyEntry> entriesById, List<PackIssue> issues)
    {
        var (file, line) = SplitOrigin(entry.Origin);
        var name = string.IsNullOrEmpty(entry.Id) ? "(entry without id)" : entry.Id;
        void Error(string message) => issues.Add(PackIssue.Error(file, line, $"{name}: {message}"));
        void Warn(string message) => issues.Add(PackIssue.Warning(file, line, $"{name}: {message}"));

        if (string.IsNullOrWhiteSpace(entry.Id)) Error("id is empty");
        else if (origins.TryGetValue(entry.Id, out var first)) Error($"id is used twice (first at {first})");
        else origins[entry.Id] = entry.Origin;

        if (string.IsNullOrWhiteSpace(entry.Title)) Error("title is empty");
        if (!Audiences.IsKnown(entry.Audience)) Error($"audience must be {Audiences.Farmer} or {Audiences.Cadre}");
        if (string.IsNullOrWhiteSpace(entry.Answer)) Error("answer is empty");
        else if (entry.Answer.Length > MaxAnswerChars) Error($"answer is {entry.Answer.Length} characters; keep it under {MaxAnswerChars} (move the rest to detail/how)");
        if (!HasBookTitle(entry.Source)) Error("source must name the document in 《》, e.g. 《…工作要点》二（二）5");
        else if (string.IsNullOrEmpty(entry.Clause)) Warn("source names no clause after the document title");
        if (!pack.IsNational && !string.IsNullOrEmpty(pack.Document) && HasBookTitle(entry.Source)
            && !entry.Source.StartsWith(pack.Document, StringComparison.Ordinal))
            Warn("source is not this county's document");
        if (entry.Keywords.Count == 0 && entry.Questions.Count == 0) Warn("no keywords or questions: the entry can only be found by its title");
        if (entry.EffectiveFrom is { } from && entry.EffectiveTo is { } to && from > to) Error("effective_from is after effective_to");
        foreach (var overridden in entry.Overrides)
        {
            if (!entriesById.TryGetValue(overridden, out var target)) Error($"overrides unknown entry '{overridden}'");
            else if (target.PackId != pack.Parent) Error($"overrides '{overridden}', which is not in the parent pack");
        }
    }

    /// <summary>Every labelled question names an entry that answers in this pack (its own or its parent's, not replaced).</summary>
    private static void ValidateLabelledQuestions(KnowledgePack pack, IReadOnlyList<KnowledgePack> packs, List<PackIssue> issues)
    {
        if (pack.LabelledQuestions.Count == 0) return;
        var parent = packs.FirstOrDefault(p => p.Id == pack.Parent);
        var overridden = pack.Entries.SelectMany(e => e.Overrides).ToHashSet(StringComparer.Ordinal);
        var answering = pack.Entries.Select(e => e.Id)
            .Concat((parent?.Entries ?? []).Where(e => !overridden.Contains(e.Id)).Select(e => e.Id))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var group in pack.LabelledQuestions.GroupBy(q => q.Label))
        {
            if (LabelledQuestion.IsReserved(group.Key) || answering.Contains(group.Key)) continue;
            var first = group.First();
            var why = overridden.Contains(group.Key) ? $"it is replaced by a {pack.CountyName} entry (overrides)" : "no such entry in this pack or its parent";
            issues.Add(PackIssue.Error(first.File, first.Line,
                $"labelled questions under '{group.Key}': {why}; use an entry id, {LabelledQuestion.Fallback} or {LabelledQuestion.Clarify}"));
        }
    }

    /// <summary>topic and aspects name ids of the shared vocabulary (knowledge/data/vocab/*.yaml).</summary>
    private static void ValidateTopicAndAspects(PolicyEntry entry, Understanding.Vocabulary vocabulary, List<PackIssue> issues)
    {
        var (file, line) = SplitOrigin(entry.Origin);
        var name = string.IsNullOrEmpty(entry.Id) ? "(entry without id)" : entry.Id;
        if (entry.Topics.Count == 0)
            issues.Add(PackIssue.Error(file, line, $"{name}: topic is missing (one of {Understanding.Vocabulary.TopicsFile})"));
        foreach (var topic in entry.Topics.Where(t => !vocabulary.TopicIds.Contains(t)))
            issues.Add(PackIssue.Error(file, entry.TopicLine > 0 ? entry.TopicLine : line,
                $"{name}: unknown topic '{topic}' (add it to {Understanding.Vocabulary.TopicsFile} or use one listed there)"));
        if (entry.Aspects.Count == 0)
            issues.Add(PackIssue.Error(file, line, $"{name}: aspects are missing (ids of {Understanding.Vocabulary.AspectsFile}: {string.Join(", ", vocabulary.AspectIds)})"));
        foreach (var aspect in entry.Aspects.Where(a => !vocabulary.AspectIds.Contains(a)))
            issues.Add(PackIssue.Error(file, entry.AspectsLine > 0 ? entry.AspectsLine : line,
                $"{name}: unknown aspect '{aspect}' (one of {string.Join(", ", vocabulary.AspectIds)})"));
    }

    public static bool HasBookTitle(string text)
    {
        var open = text.IndexOf('《');
        return open >= 0 && text.IndexOf('》', open) > open + 1;
    }

    private static (string File, int Line) SplitOrigin(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin[(colon + 1)..], out var line) ? (origin[..colon], line) : (origin, 0);
    }
}
