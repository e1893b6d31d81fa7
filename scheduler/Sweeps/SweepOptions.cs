namespace AssistBot.Scheduler.Sweeps;

/// <summary>Reminder sweep settings (<c>Reminders</c> section).</summary>
public sealed class SweepOptions
{
    public const string Section = "Reminders";

    /// <summary>Off → no Quartz sweeps and no delivery worker in this instance (the CLI and admin still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>On the very first run (no watermark yet), how far back reminders are still sent.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After downtime, how far back a catch-up sweep goes at most (older reminders are stale).</summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Messages a sweep stores in one outbox call (one Redis script: larger batches hold Redis a little longer).</summary>
    public int EnqueueBatchSize { get; set; } = 500;

    /// <summary>Batches being stored at once while a sweep runs.</summary>
    public int EnqueueParallelism { get; set; } = 4;

    /// <summary>Sweep name → Quartz cron (seconds first) and whether it fires only on working days.</summary>
    public Dictionary<string, SweepSchedule> Sweeps { get; set; } = new(StringComparer.Ordinal);
}

public sealed class SweepSchedule
{
    public string Cron { get; set; } = "0 0/30 * * * ?";

    /// <summary>Null → the sweep's own default (cadre-facing sweeps fire on working days only).</summary>
    public bool? WorkdaysOnly { get; set; }
}
