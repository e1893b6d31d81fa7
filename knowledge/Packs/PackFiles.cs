using YamlDotNet.Serialization;

namespace AssistBot.Knowledge.Packs;

/// <summary>The YAML shapes of the files this loader owns. Other helpers' files in a pack folder are not read.</summary>
internal static class PackFiles
{
    public const string Manifest = "pack.yaml";
    public const string EntriesFolder = "entries";
}

internal sealed class ManifestFile
{
    public string Id { get; set; } = "";
    public string County { get; set; } = "";
    public string CountyName { get; set; } = "";
    public string Document { get; set; } = "";
    public string? Parent { get; set; }
    public string? EffectiveFrom { get; set; }
    public string? EffectiveTo { get; set; }
    public string? Description { get; set; }

    /// <summary>Canonical term → the words people use for it.</summary>
    public Dictionary<string, List<string>> Synonyms { get; set; } = new();

    public List<string> Fillers { get; set; } = [];

    public List<string> OutOfScope { get; set; } = [];
}

internal sealed class EntriesFile
{
    public List<EntryYaml> Entries { get; set; } = [];
}

internal sealed class EntryYaml
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>One topic id, or a list of them.</summary>
    public object? Topic { get; set; }

    public List<string> Aspects { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public List<string> Questions { get; set; } = [];
    public string Answer { get; set; } = "";
    public string? Detail { get; set; }
    public string? How { get; set; }
    public string Source { get; set; } = "";
    public string? EffectiveFrom { get; set; }
    public string? EffectiveTo { get; set; }
    public List<string> Overrides { get; set; } = [];

    [YamlIgnore]
    public int Line { get; set; }
}
