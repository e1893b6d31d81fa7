using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Knowledge;

/// <summary>Logs the packs in use at start-up and watches the packs folder so edits apply without a restart.</summary>
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
        foreach (var issue in result.Issues)
        {
            if (issue.Severity == PackIssueSeverity.Error)
                logger.LogError("Knowledge pack error in {File} line {Line}: {Message}", issue.File, issue.Line, issue.Message);
            else
                logger.LogWarning("Knowledge pack warning in {File} line {Line}: {Message}", issue.File, issue.Line, issue.Message);
        }
        var counts = string.Join(", ", result.Current.Packs.Select(p => $"{p.Id}={p.Entries.Count}"));
        if (result.Applied)
            logger.LogInformation("Knowledge packs {Action} from {Directory}: {Counts}", startup ? "loaded" : "reloaded", registry.PacksDirectory, counts);
        else
            logger.LogError("Knowledge packs in {Directory} rejected; still using the last good packs ({Counts})", registry.PacksDirectory,
                counts.Length == 0 ? "none" : counts);
    }
}
