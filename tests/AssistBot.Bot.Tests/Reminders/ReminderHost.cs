using AssistBot.Bot.Loans;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// One service instance's reminders, built by the service's composition root (<see cref="TestServiceHost"/>) with the
/// world's county configured (its pack from the one pack catalog), over the given storage and clock, sending through
/// the test's sender. The outbox and the sweep watermarks live in the world's own keyspace, so worlds sharing one
/// Redis never see each other's queue; sweeps start at their first run (no look-back) and retry after a minute.
/// </summary>
public sealed class ReminderHost : IAsyncDisposable
{
    private readonly TestServiceHost _host;

    public ReminderHost(ReminderWorld world, IStorage storage, TimeProvider time, IMessageSender sender)
    {
        var county = world.County;
        _host = TestServiceHost.Build(new Dictionary<string, string?>
        {
            ["DefaultCounty"] = county.Id,
            [$"Counties:{county.Id}:Name"] = county.Name,
            [$"Counties:{county.Id}:Pack"] = world.PackId,
            ["DataProtection:Key"] = Convert.ToBase64String(ReminderWorld.DataKey),
            ["Reminders:InitialLookback"] = "00:00:00",
            ["Reminders:MaxCatchUp"] = "7.00:00:00",
            ["Reminders:Delivery:DefaultRatePerSecond"] = "0",
            ["Reminders:Delivery:RetryBaseDelay"] = "00:01:00",
        }, services =>
        {
            TestServiceHost.UseStorage(services, storage);
            TestServiceHost.UseClock(services, time);
            TestServiceHost.Use(services, sender);
            TestServiceHost.Use<IOutbox>(services, new StorageOutbox(storage, storage, storage, storage, time, world.Keyspace));
            TestServiceHost.Use<ISweepWatermarks>(services, new StorageSweepWatermarks(storage, "reminders-" + county.Id));
        });
    }

    public LoanStore Loans => _host.Get<LoanStore>();

    public StorageOutbox Outbox => (StorageOutbox)_host.Get<IOutbox>();

    public StorageDutyLedger Ledger => _host.Get<StorageDutyLedger>();

    public IReadOnlyList<IReminderSweep> Sweeps => [.. _host.Services.GetServices<IReminderSweep>()];

    public ReminderSweepRunner Runner => _host.Get<ReminderSweepRunner>();

    public OutboxDelivery Delivery => _host.Get<OutboxDelivery>();

    public ReminderPreview Preview => _host.Get<ReminderPreview>();

    /// <summary>What the Quartz triggers and the worker do between two clock ticks: every sweep, then delivery.</summary>
    public async Task TickAsync()
    {
        await Runner.RunAllAsync();
        await Delivery.DrainAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
