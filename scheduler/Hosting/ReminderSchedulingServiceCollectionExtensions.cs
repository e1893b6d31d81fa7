using AssistBot.Knowledge.Calendar;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssistBot.Scheduler.Hosting;

public static class ReminderSchedulingServiceCollectionExtensions
{
    /// <summary>The sweeps and their default schedules (Quartz cron, seconds first, China Standard Time).</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultCrons = new Dictionary<string, string>
    {
        [ReminderKinds.LoanRepayment] = "0 0/30 * * * ?",
        [ReminderKinds.Window] = "0 0/30 * * * ?",
        [ReminderKinds.LoanOverdue] = "0 0/30 7-20 * * ?",
        [ReminderKinds.LoanDueList] = "0 0/30 7-20 * * ?",
        [ReminderKinds.Duty] = "0 0/30 7-20 * * ?",
        [DeadlineSweep.Kind] = "0 0/30 7-20 * * ?",
    };

    /// <summary>
    /// Rules, sweeps, the outbox delivery and (unless <c>Reminders:Enabled</c> is false) the Quartz sweeps and the
    /// delivery worker. The host registers the ports: IOutbox, IMessageSender, IReminderCounties, ISweepWatermarks,
    /// ILoanBook, IDutySubjects, IDutyLedger, ICadreDirectory, IWindowSubscribers, and optionally IReminderPointers. With <paramref name="schedule"/>
    /// false (command-line runs) nothing is scheduled and <see cref="SweepOptions.Enabled"/> reads false.
    /// </summary>
    public static IServiceCollection AddReminderScheduling(this IServiceCollection services, IConfiguration configuration,
        bool schedule = true)
    {
        var section = configuration.GetSection(SweepOptions.Section);
        var sweepOptions = section.Get<SweepOptions>() ?? new SweepOptions();
        // Bound from the final configuration (hosts and tests may override it after registration).
        services.AddOptions<SweepOptions>().Configure<IConfiguration>((o, c) => c.GetSection(SweepOptions.Section).Bind(o));
        if (!schedule) services.PostConfigure<SweepOptions>(o => o.Enabled = false);
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SweepOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(DeliveryOptions.Section).Get<DeliveryOptions>()
            ?? new DeliveryOptions());

        services.AddSingleton(sp => WorkdayCalendarLoader.Load(section["CalendarFile"], sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("AssistBot.Scheduler.Calendar")));
        services.AddSingleton<IReminderSweep, LoanRepaymentSweep>();
        services.AddSingleton<IReminderSweep, LoanOverdueSweep>();
        services.AddSingleton<IReminderSweep, LoanDueListSweep>();
        services.AddSingleton<IReminderSweep, DutySweep>();
        services.AddSingleton<IReminderSweep, WindowSweep>();
        services.AddSingleton<IReminderSweep, DeadlineSweep>();
        services.AddSingleton<ReminderSweepRunner>();
        services.AddSingleton<ReminderPreview>();
        services.AddSingleton<ChannelRateLimiter>();
        // Reminder pointers are expanded in the delivery rounds when the host stores them (IReminderPointers).
        services.AddSingleton(sp => sp.GetService<Outbox.IReminderPointers>() is { } pointers
            ? ActivatorUtilities.CreateInstance<PointerExpansion>(sp, pointers)
            : null!);
        services.AddSingleton<OutboxDelivery>();

        // The Quartz sweeps and the worker check Reminders:Enabled again when they run.
        if (!schedule || !sweepOptions.Enabled) return services;

        services.AddHostedService<OutboxWorker>();
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddCalendar(ChinaWorkdayCalendar.Name, sp => new ChinaWorkdayCalendar(sp.GetRequiredService<ChinaWorkdays>()),
                AddCalendarOptions.ReplacingAndUpdatingTriggers);
            foreach (var (name, defaultCron) in DefaultCrons)
            {
                var schedule = sweepOptions.Sweeps.GetValueOrDefault(name);
                var cron = string.IsNullOrWhiteSpace(schedule?.Cron) ? defaultCron : schedule.Cron;
                var workdaysOnly = schedule?.WorkdaysOnly ?? IsCadreFacing(name);
                var jobKey = new JobKey(name, "reminders");
                q.AddJob<ReminderSweepJob>(j => j.WithIdentity(jobKey).UsingJobData(ReminderSweepJob.SweepKey, name));
                q.AddTrigger(t =>
                {
                    t.ForJob(jobKey)
                        .WithIdentity(name, "reminders")
                        .WithCronSchedule(cron, c => c
                            .InTimeZone(ChinaTime.Zone)
                            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
                    if (workdaysOnly) t.WithCalendarName(ChinaWorkdayCalendar.Name);
                });
                // Catch up at start: the sweep covers everything since its stored watermark.
                q.RunAtStartup(jobKey);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static bool IsCadreFacing(string sweep) =>
        sweep is ReminderKinds.LoanOverdue or ReminderKinds.LoanDueList or ReminderKinds.Duty or DeadlineSweep.Kind;
}
