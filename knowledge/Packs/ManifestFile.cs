namespace AssistBot.Knowledge.Packs;

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
