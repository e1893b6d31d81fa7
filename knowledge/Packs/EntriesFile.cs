namespace AssistBot.Knowledge.Packs;

internal sealed class EntriesFile
{
    public List<EntryYaml> Entries { get; set; } = [];
}
