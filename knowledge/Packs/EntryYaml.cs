using YamlDotNet.Serialization;

namespace AssistBot.Knowledge.Packs;

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
