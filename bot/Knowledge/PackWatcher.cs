using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Knowledge;

/// <summary>
/// Logs the pack catalog in use at start-up and watches the packs folder so an edit to any pack file (entries, places,
/// declaration rules, reminders) applies without a restart; a rejected reload is one error line, and the part with errors keeps its last good version.
/// </summary>
internal sealed class PackWatcher(PackRegistry registry, IOptions<KnowledgeOptions> options, ILogger<PackWatcher> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Log(registry.LastResult, startup: true);
        registry.Reloaded += result => Log(result, startup: false);
        if (options.Value.Watch) registry.StartWatching();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log(PackReloadResult result, bool startup)
    {
        var counts = string.Join(", ", result.Current.Packs.Select(p => $"{p.Id}={p.Entries.Count}"));
        if (!result.Applied)
        {
            logger.LogError("Knowledge packs in {Directory} rejected; the files with errors keep their last good version (Q&A: {Counts}): {Errors}",
                registry.PacksDirectory, counts.Length == 0 ? "none" : counts,
                string.Join(" | ", result.Issues.Where(i => i.Severity == PackIssueSeverity.Error)));
            return;
        }
        foreach (var issue in result.Issues)
            logger.LogWarning("Knowledge pack warning in {File} line {Line}: {Message}", issue.File, issue.Line, issue.Message);
        var countyFiles = string.Join(", ", registry.Catalog.Counties.Packs.Select(p => p.PackId));
        logger.LogInformation("Knowledge packs {Action} from {Directory}: {Counts}; places and declaration rules: {CountyFiles}",
            startup ? "loaded" : "reloaded", registry.PacksDirectory, counts, countyFiles.Length == 0 ? "none" : countyFiles);
    }
}
