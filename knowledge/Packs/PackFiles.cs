namespace AssistBot.Knowledge.Packs;

/// <summary>The YAML shapes of the files this loader owns. Other helpers' files in a pack folder are not read.</summary>
internal static class PackFiles
{
    public const string Manifest = "pack.yaml";
    public const string EntriesFolder = "entries";
    public const string LabelledQuestions = "labelled-questions.yaml";
}
