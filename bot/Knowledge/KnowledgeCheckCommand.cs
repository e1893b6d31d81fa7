using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Knowledge;

/// <summary><c>knowledge check [--dir PATH]</c>: validates the packs and prints per-pack counts. Exit 1 on errors.</summary>
internal sealed class KnowledgeCheckCommand(IOptions<KnowledgeOptions> options, Counties counties) : ICliCommand
{
    public string Name => "knowledge check";

    public string Usage => "knowledge check [--dir PATH]   validate the policy packs and show what they hold";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var directory = CliRunner.Option(args, "--dir") is { } dir ? Path.GetFullPath(dir) : options.Value.ResolvePacksDirectory();
        var loaded = PackLoader.LoadAll(directory);
        var issues = loaded.Issues.Concat(PackValidator.Validate(loaded.Packs, counties.All.Select(c => c.Id).ToList())).ToList();

        Console.WriteLine($"packs: {directory}");
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
