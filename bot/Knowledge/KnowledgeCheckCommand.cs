using System.CommandLine;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Knowledge;

/// <summary>
/// <c>knowledge check [--dir PATH]</c>: validates the packs (with every entry's topic and aspects against
/// <c>vocab/</c>: unknown names are errors with file and line) and prints per-pack counts. Exit 1 on errors.
/// </summary>
internal sealed class KnowledgeCheckCommand(IOptions<KnowledgeOptions> options, Counties counties) : CliVerb
{
    private readonly Option<string> _dir = new("--dir") { Description = "知识包目录（不写用 Knowledge:PacksDirectory）", HelpName = "PATH" };

    public override string Name => "knowledge check";

    public override string Description => "检查政策知识包，列出各包有什么";

    public override void Configure(Command command) => command.Options.Add(_dir);

    public override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var directory = parse.GetValue(_dir) is { } dir ? Path.GetFullPath(dir) : options.Value.ResolvePacksDirectory();
        var loaded = PackLoader.LoadAll(directory);
        var vocabularyIssues = new List<PackIssue>();
        var vocabularyDirectory = AssistBot.Knowledge.Understanding.Vocabulary.ResolveDirectory(directory);
        var vocabulary = AssistBot.Knowledge.Understanding.Vocabulary.Load(vocabularyDirectory, vocabularyIssues);
        var issues = loaded.Issues.Concat(vocabularyIssues)
            .Concat(PackValidator.Validate(loaded.Packs, counties.All.Select(c => c.Id).ToList(), vocabulary)).ToList();

        Console.WriteLine($"packs: {directory}");
        Console.WriteLine($"vocabulary: {vocabularyDirectory} ({vocabulary.Topics.Count} topics, {vocabulary.Aspects.Count} aspects, " +
            $"{vocabulary.Topics.Sum(t => t.Cues.Count) + vocabulary.Aspects.Sum(a => a.Cues.Count + a.WeakCues.Count)} cues)");
        foreach (var pack in loaded.Packs)
        {
            var farmer = pack.Entries.Count(e => e.Audience == Audiences.Farmer);
            var cadre = pack.Entries.Count(e => e.Audience == Audiences.Cadre);
            var name = pack.IsNational ? "全国" : pack.CountyName;
            Console.WriteLine($"  {pack.Id,-14} {name,-5} entries: {pack.Entries.Count,3} (农户 {farmer}, 干部 {cadre}), synonyms: {pack.Synonyms.Count}, parent: {pack.Parent ?? "-"}");
        }
        foreach (var issue in issues) Console.WriteLine("  " + issue);

        var errors = issues.Count(i => i.Severity == PackIssueSeverity.Error);
        var warnings = issues.Count - errors;
        Console.WriteLine(errors == 0 ? $"OK: {loaded.Packs.Count} packs, {warnings} warnings" : $"FAILED: {errors} errors, {warnings} warnings");
        return Task.FromResult(errors == 0 ? 0 : 1);
    }
}
