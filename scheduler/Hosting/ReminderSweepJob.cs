using AssistBot.Scheduler.Sweeps;
using Quartz;

namespace AssistBot.Scheduler.Hosting;

/// <summary>Quartz job running one sweep (named in the job data) for every county.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweepRunner runner, SweepOptions options) : IJob
{
    public const string SweepKey = "sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled) return;
        var sweep = context.MergedJobDataMap.GetString(SweepKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{SweepKey}' in its data.");
        await runner.RunScheduledAsync(sweep, cancellationToken).ConfigureAwait(false);
    }
}
