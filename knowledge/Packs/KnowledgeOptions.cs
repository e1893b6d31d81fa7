namespace AssistBot.Knowledge.Packs;

/// <summary><c>Knowledge</c> settings.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>
    /// Folder holding the pack folders (national, xinfeng-2024, …). Empty → the <c>packs</c> folder next to the
    /// binary. A county that edits its packs live points this at a folder of its choice.
    /// </summary>
    public string PacksDirectory { get; set; } = "";

    /// <summary>Watch the folder and reload on change.</summary>
    public bool Watch { get; set; } = true;

    public string ResolvePacksDirectory() =>
        string.IsNullOrWhiteSpace(PacksDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "packs")
            : Path.GetFullPath(PacksDirectory, AppContext.BaseDirectory);
}
