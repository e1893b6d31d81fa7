using AssistBot.Bot.Hosting;
using AssistBot.Bot.WeChat;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Privacy;

/// <summary>
/// Trims what storage cannot expire by itself: members of the last-message index (<c>wechat/last-inbound/{county}</c>,
/// one sorted set per county) older than <see cref="RetentionOptions.Conversation"/>. Documents expire through their
/// time to live. Every instance may run it; trimming is idempotent.
/// </summary>
public sealed class RetentionSweeper(
    Counties counties,
    WeChatUserDirectory users,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    /// <summary>One pass over every county; returns how many index members were removed.</summary>
    public async Task<long> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.Conversation;
        long removed = 0;
        foreach (var county in counties.All)
            removed += await users.ForgetInboundBeforeAsync(county.Id, cutoff, cancellationToken).ConfigureAwait(false);
        if (removed > 0) logger.LogInformation("Retention: removed {Count} last-message entries older than {Cutoff:u}", removed, cutoff);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage down or similar: the next pass catches up.
                logger.LogWarning("Retention sweep failed ({Error}); trying again in {Interval}", e.Message, options.Value.SweepInterval);
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
