using System.Runtime.CompilerServices;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using static AssistBot.Scheduler.Tests.TestData;

namespace AssistBot.Scheduler.Tests;

public sealed class DeadlineSweepTests
{
    private sealed class Deadlines(params Deadline[] all) : IDeadlineSource
    {
        public async IAsyncEnumerable<Deadline> DueBetweenAsync(string countyId, DateOnly first, DateOnly last,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var d in all.Where(d => d.DueDate >= first && d.DueDate <= last)) yield return d;
        }
    }

    private sealed class Leads : ICadreDirectory
    {
        public ValueTask<CadreContact?> TownshipLeadAsync(string countyId, string township, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<CadreContact?>(new CadreContact("lead." + township, "书记", township));

        public ValueTask<CadreContact?> FindAsync(string countyId, string userIdOrName, string? township, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<CadreContact?>(null);

        public ValueTask<IReadOnlyList<CadreContact>> ListAsync(string countyId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<CadreContact>>([]);
    }

    [Fact]
    public async Task A_declaration_step_due_after_the_may_day_break_is_announced_before_it_and_escalated_after()
    {
        var deadline = new Deadline("village-check", "SB20240428-001", "王某的困难申报：村级核实", D("2024-05-06"), "liu.ganbu", "大塘埠镇",
            "《工作要点》");
        var sweep = new DeadlineSweep([new Deadlines(deadline)], new Leads(), Workdays, TimeProvider.System);
        var county = new ReminderCounty("xinfeng", "信丰县", Pack("xinfeng-2024"));

        var messages = new List<Outbox.OutboxMessage>();
        await foreach (var m in sweep.ProduceAsync(county, D("2024-04-25"), D("2024-05-10"))) messages.Add(m);

        Assert.Equal(
        [
            ("deadline", "liu.ganbu", D("2024-04-30")),
            ("deadline-overdue", "lead.大塘埠镇", D("2024-05-07")),
        ], messages.Select(m => (m.Kind, m.Recipient.UserId, Time.ChinaTime.DateOf(m.DueAt))));
        Assert.Contains("2024年5月6日前办结", messages[0].Text);
    }
}
