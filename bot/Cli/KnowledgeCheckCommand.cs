using System.CommandLine;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>knowledge check [--dir PATH]</c>: validates every pack file the service reads (<see cref="PackCatalog.Read"/>):
/// Q&amp;A entries (topic and aspects against <c>vocab/</c>), places, declaration rules and reminder rules, each error with
/// file and line, and prints per-pack counts. Exit 1 on errors.
/// </summary>
internal sealed class KnowledgeCheckCommand(IOptions<KnowledgeOptions> options, Counties counties) : CliVerb
{
    private readonly Option<string> _dir = new("--dir") { Description = "知识包目录（不写用 Knowledge:PacksDirectory）", HelpName = "PATH" };

    /// <summary>Where the report goes (the console unless a test captures it).</summary>
    internal TextWriter? Output { get; set; }

    private TextWriter Out => Output ?? Console.Out;

    public override string Name => "knowledge check";

    public override string Description => "检查政策知识包，列出各包有什么";

    public override void Configure(Command command) => command.Options.Add(_dir);

    public override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var directory = parse.GetValue(_dir) is { } dir ? Path.GetFullPath(dir) : options.Value.ResolvePacksDirectory();
        var loaded = PackCatalog.Read(directory, counties.All.Select(c => c.Id).ToList());
        var (vocabularyDirectory, vocabulary, issues) = (loaded.VocabularyDirectory, loaded.Vocabulary, loaded.Issues);

        Out.WriteLine($"packs: {directory}");
        Out.WriteLine($"vocabulary: {vocabularyDirectory} ({vocabulary.Topics.Count} topics, {vocabulary.Aspects.Count} aspects, " +
            $"{vocabulary.Topics.Sum(t => t.Cues.Count) + vocabulary.Aspects.Sum(a => a.Cues.Count + a.WeakCues.Count)} cues)");
        foreach (var pack in loaded.Packs)
        {
            var farmer = pack.Entries.Count(e => e.Audience == Audiences.Farmer);
            var cadre = pack.Entries.Count(e => e.Audience == Audiences.Cadre);
            var name = pack.IsNational ? "全国" : pack.CountyName;
            Out.WriteLine($"  {pack.Id,-14} {name,-5} entries: {pack.Entries.Count,3} (农户 {farmer}, 干部 {cadre}), synonyms: {pack.Synonyms.Count}, parent: {pack.Parent ?? "-"}{CountyFiles(loaded.Counties, pack.Id)}");
        }
        foreach (var issue in issues) Out.WriteLine("  " + issue);

        var errors = issues.Count(i => i.Severity == PackIssueSeverity.Error);
        var warnings = issues.Count - errors;
        Out.WriteLine(errors == 0 ? $"OK: {loaded.Packs.Count} packs, {warnings} warnings" : $"FAILED: {errors} errors, {warnings} warnings");
        return Task.FromResult(errors == 0 ? 0 : 1);
    }

    /// <summary>", places: 16 townships, declaration, reminders: 9 duties" for a pack with county files.</summary>
    private static string CountyFiles(AssistBot.Knowledge.Declarations.CaseCatalog counties, string packId)
    {
        var parts = new List<string>();
        if (counties.Find(packId) is { } cases) parts.Add($"places: {cases.Places.Townships.Count} townships, declaration");
        if (counties.Reminders(packId) is { } reminders) parts.Add($"reminders: {reminders.Duties.Items.Count} duties");
        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }
}
