using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Packs;

/// <summary>Result of reading a packs folder: the packs that could be read and every problem found on the way.</summary>
public sealed record PackLoadResult(IReadOnlyList<KnowledgePack> Packs, IReadOnlyList<PackIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == PackIssueSeverity.Error);
}

/// <summary>
/// Reads <c>{packs}/{pack-id}/pack.yaml</c> and <c>{packs}/{pack-id}/entries/*.yaml</c>. Other files in a pack folder
/// (places.yaml, declaration.yaml, reminders.yaml …) belong to other loaders and are not touched.
/// </summary>
public static class PackLoader
{
    public static PackLoadResult LoadAll(string packsDirectory)
    {
        var issues = new List<PackIssue>();
        var packs = new List<KnowledgePack>();
        if (!Directory.Exists(packsDirectory))
        {
            issues.Add(PackIssue.Error(packsDirectory, 0, "packs folder does not exist"));
            return new PackLoadResult(packs, issues);
        }
        foreach (var folder in Directory.GetDirectories(packsDirectory).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(folder, PackFiles.Manifest))) continue;
            var pack = LoadPack(folder, issues);
            if (pack is not null) packs.Add(pack);
        }
        return new PackLoadResult(packs, issues);
    }

    public static KnowledgePack? LoadPack(string folder, List<PackIssue> issues)
    {
        var manifestPath = Path.Combine(folder, PackFiles.Manifest);
        var manifest = Read<ManifestFile>(manifestPath, issues);
        if (manifest is null) return null;

        var entries = new List<PolicyEntry>();
        var entriesFolder = Path.Combine(folder, PackFiles.EntriesFolder);
        if (Directory.Exists(entriesFolder))
        {
            foreach (var file in Directory.GetFiles(entriesFolder, "*.yaml").Order(StringComparer.Ordinal))
                ReadEntries(file, manifest.Id, entries, issues);
        }

        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, variants) in manifest.Synonyms)
            foreach (var variant in variants ?? [])
            {
                if (string.IsNullOrWhiteSpace(variant)) continue;
                if (synonyms.TryGetValue(variant.Trim(), out var other) && other != canonical.Trim())
                    issues.Add(PackIssue.Warning(manifestPath, 0, $"synonym '{variant}' is listed under both '{other}' and '{canonical}'"));
                synonyms[variant.Trim()] = canonical.Trim();
            }

        return new KnowledgePack
        {
            Id = manifest.Id,
            County = manifest.County,
            CountyName = manifest.CountyName,
            Document = manifest.Document,
            Parent = string.IsNullOrWhiteSpace(manifest.Parent) ? null : manifest.Parent,
            EffectiveFrom = ParseDate(manifest.EffectiveFrom, manifestPath, 0, issues),
            EffectiveTo = ParseDate(manifest.EffectiveTo, manifestPath, 0, issues),
            Synonyms = synonyms,
            Fillers = manifest.Fillers.Where(f => !string.IsNullOrWhiteSpace(f)).ToList(),
            OutOfScope = manifest.OutOfScope.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList(),
            Entries = entries,
            LabelledQuestions = ReadLabelledQuestions(Path.Combine(folder, PackFiles.LabelledQuestions), issues),
            Directory = folder,
        };
    }

    private static void ReadEntries(string file, string packId, List<PolicyEntry> into, List<PackIssue> issues)
    {
        var parsed = Read<EntriesFile>(file, issues);
        if (parsed is null) return;
        var lines = EntryLines(file);
        for (var i = 0; i < parsed.Entries.Count; i++)
        {
            var e = parsed.Entries[i];
            var (line, topicLine, aspectsLine) = i < lines.Count ? lines[i] : (0, 0, 0);
            into.Add(new PolicyEntry
            {
                Id = e.Id?.Trim() ?? "",
                Title = e.Title?.Trim() ?? "",
                Audience = e.Audience?.Trim() ?? "",
                Topics = TopicIds(e.Topic),
                Aspects = Clean(e.Aspects),
                TopicLine = topicLine,
                AspectsLine = aspectsLine,
                Keywords = Clean(e.Keywords),
                Questions = Clean(e.Questions),
                Answer = e.Answer?.Trim() ?? "",
                Detail = string.IsNullOrWhiteSpace(e.Detail) ? null : e.Detail.Trim(),
                How = string.IsNullOrWhiteSpace(e.How) ? null : e.How.Trim(),
                Source = e.Source?.Trim() ?? "",
                EffectiveFrom = ParseDate(e.EffectiveFrom, file, line, issues),
                EffectiveTo = ParseDate(e.EffectiveTo, file, line, issues),
                Overrides = Clean(e.Overrides),
                PackId = packId,
                Origin = $"{file}:{line}",
            });
        }
    }

    /// <summary>
    /// <c>questions:</c> maps an entry id (or fallback/clarify) to the wordings it answers. Read node by node so every
    /// question keeps its line for <c>knowledge check</c>. A missing file is no problem: the pack simply has none.
    /// </summary>
    private static List<LabelledQuestion> ReadLabelledQuestions(string file, List<PackIssue> issues)
    {
        var found = new List<LabelledQuestion>();
        if (!File.Exists(file)) return found;
        try
        {
            using var reader = File.OpenText(file);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0) return found;
            if (stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("questions"), out var node) || node is not YamlMappingNode byLabel)
            {
                issues.Add(PackIssue.Error(file, 1, "expected 'questions:' mapping each entry id (or fallback, clarify) to a list of questions"));
                return found;
            }
            foreach (var (key, value) in byLabel.Children)
            {
                var label = (key as YamlScalarNode)?.Value?.Trim() ?? "";
                if (value is not YamlSequenceNode list)
                {
                    issues.Add(PackIssue.Error(file, (int)value.Start.Line, $"'{label}': expected a list of questions (lines starting with '- ')"));
                    continue;
                }
                foreach (var item in list.Children)
                    if (item is YamlScalarNode { Value: { } q } && !string.IsNullOrWhiteSpace(q))
                        found.Add(new LabelledQuestion(label, q.Trim(), file, (int)item.Start.Line));
            }
        }
        catch (YamlException ex)
        {
            issues.Add(PackIssue.Error(file, (int)ex.Start.Line, PackYaml.Describe(ex)));
        }
        catch (IOException ex)
        {
            issues.Add(PackIssue.Error(file, 0, "cannot read file: " + ex.Message));
        }
        return found;
    }

    private static List<string> TopicIds(object? topic) => topic switch
    {
        string one => Clean([one]),
        IEnumerable<object> many => Clean(many.Select(o => o?.ToString() ?? "").ToList()),
        _ => [],
    };

    private static List<string> Clean(List<string>? items) =>
        (items ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();

    private static T? Read<T>(string path, List<PackIssue> issues) where T : class
    {
        try
        {
            using var reader = File.OpenText(path);
            var value = PackYaml.Underscored.Deserialize<T>(reader);
            if (value is null) issues.Add(PackIssue.Error(path, 1, "file is empty"));
            return value;
        }
        catch (YamlException ex)
        {
            issues.Add(PackIssue.Error(path, (int)ex.Start.Line, PackYaml.Describe(ex)));
        }
        catch (IOException ex)
        {
            issues.Add(PackIssue.Error(path, 0, "cannot read file: " + ex.Message));
        }
        return null;
    }

    /// <summary>The line each item of the top-level <c>entries</c> list starts on, and its topic/aspects lines (for error messages).</summary>
    private static List<(int Entry, int Topic, int Aspects)> EntryLines(string file)
    {
        var lines = new List<(int, int, int)>();
        try
        {
            using var reader = File.OpenText(file);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return lines;
            if (root.Children.TryGetValue(new YamlScalarNode("entries"), out var node) && node is YamlSequenceNode seq)
                lines.AddRange(seq.Children.Select(c => ((int)c.Start.Line, FieldLine(c, "topic"), FieldLine(c, "aspects"))));
        }
        catch (YamlException)
        {
            // Already reported by the deserializer.
        }
        return lines;
    }

    private static int FieldLine(YamlNode entry, string field) =>
        entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(field), out var value) ? (int)value.Start.Line : 0;

    private static DateOnly? ParseDate(string? text, string file, int line, List<PackIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (IsoDate.TryParse(text, out var date))
            return date;
        issues.Add(PackIssue.Error(file, line, $"date '{text}' is not in the form 2024-12-31"));
        return null;
    }
}
