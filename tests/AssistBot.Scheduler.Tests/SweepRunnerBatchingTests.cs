using System.Runtime.CompilerServices;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Scheduler.Tests;

/// <summary>How the runner streams a sweep's messages into the outbox: in bounded batches, a few at once.</summary>
public sealed class SweepRunnerBatchingTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 30, TimeSpan.FromHours(8));

    private sealed class ManyMessages(int count, RecordingOutbox outbox) : IReminderSweep
    {
        public int MostAhead { get; private set; }

        public string Name => "many";

        public bool CadreFacing => false;

        public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 50 == 0) await Task.Yield();
                MostAhead = Math.Max(MostAhead, i - outbox.Stored);
                yield return new OutboxMessage
                {
                    IdempotencyKey = $"many:{county.Id}:{i}", Kind = Name, CountyId = county.Id, Recipient = OutboxRecipient.Cadre("liu"),
                    Text = "提醒", DueAt = Now, CreatedAt = Now,
                };
            }
        }
    }

    private sealed class RecordingOutbox : IOutbox
    {
        private readonly HashSet<string> _keys = [];
        private readonly Lock _lock = new();
        private int _running;

        public int FailOnBatch { get; init; } = -1;
        public List<int> BatchSizes { get; } = [];

        /// <summary>Partitions by the message number's last digit modulo <see cref="Partitions"/>, like slot groups.</summary>
        public int Partitions { get; init; } = 1;
        public int PartitionOf(OutboxMessage message) => (message.IdempotencyKey[^1] - '0') % Partitions;
        public List<HashSet<int>> BatchPartitions { get; } = [];
        public int MostAtOnce { get; private set; }
        public int Stored { get; private set; }

        public async ValueTask<int> EnqueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
        {
            int batch;
            lock (_lock)
            {
                batch = BatchSizes.Count;
                BatchSizes.Add(messages.Count);
                BatchPartitions.Add([.. messages.Select(PartitionOf)]);
                MostAtOnce = Math.Max(MostAtOnce, ++_running);
            }
            await Task.Delay(5, cancellationToken);
            lock (_lock)
            {
                _running--;
                if (batch == FailOnBatch) throw new InvalidOperationException("storage down");
                Stored += messages.Count;
                return messages.Count(m => _keys.Add(m.IdempotencyKey));
            }
        }

        public ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("a sweep enqueues in batches");

        public ValueTask<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public ValueTask MarkSentAsync(string id, string via, IReadOnlyList<OutboxAttempt>? trail = null, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public ValueTask MarkFailedAsync(string id, string reason, IReadOnlyList<OutboxAttempt>? trail = null, CancellationToken ct = default) =>
            throw new NotSupportedException();
        public ValueTask RetryAtAsync(string id, DateTimeOffset at, string reason, IReadOnlyList<OutboxAttempt>? trail = null,
            bool countsAsAttempt = true, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<OutboxEntry?> GetAsync(string id, CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<OutboxCounts> CountsAsync(CancellationToken ct = default) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int skip = 0, int take = 50, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }

    private sealed class Watermarks : ISweepWatermarks
    {
        public DateTimeOffset? Mark { get; private set; }

        public ValueTask<DateTimeOffset?> GetAsync(string countyId, string sweep, CancellationToken ct = default) => ValueTask.FromResult(Mark);

        public ValueTask AdvanceAsync(string countyId, string sweep, DateTimeOffset to, CancellationToken ct = default)
        {
            Mark = to;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OneCounty : IReminderCounties
    {
        public IReadOnlyList<ReminderCounty> All { get; } = [new("xinfeng", "信丰县", ReminderPack.Empty)];
    }

    private static ReminderSweepRunner Runner(IReminderSweep sweep, IOutbox outbox, ISweepWatermarks watermarks) =>
        new([sweep], new OneCounty(), watermarks, outbox, new SweepOptions { EnqueueBatchSize = 100, EnqueueParallelism = 3 },
            new FakeTimeProvider(Now), NullLogger<ReminderSweepRunner>.Instance);

    [Fact]
    public async Task Messages_go_out_in_batches_a_few_at_once_without_the_producer_running_ahead()
    {
        var outbox = new RecordingOutbox();
        var sweep = new ManyMessages(1_050, outbox);

        var report = await Runner(sweep, outbox, new Watermarks()).RunAsync("many");

        Assert.Equal((1_050, 1_050), (report.Produced, report.Enqueued));
        Assert.Equal(11, outbox.BatchSizes.Count);
        Assert.Equal(1_050, outbox.BatchSizes.Sum());
        Assert.All(outbox.BatchSizes, size => Assert.InRange(size, 1, 100));
        Assert.InRange(outbox.MostAtOnce, 2, 3);
        // Memory stays bounded: produced but not yet stored are at most the batches in flight and the one being filled.
        Assert.InRange(sweep.MostAhead, 0, (3 + 1) * 100);
    }

    [Fact]
    public async Task Running_again_queues_nothing_new()
    {
        var outbox = new RecordingOutbox();
        var sweep = new ManyMessages(250, outbox);
        await Runner(sweep, outbox, new Watermarks()).RunAsync("many");

        var again = await Runner(sweep, outbox, new Watermarks()).RunAsync("many");

        Assert.Equal((250, 0), (again.Produced, again.Enqueued));
    }

    [Fact]
    public async Task A_failed_batch_fails_the_run_and_leaves_the_watermark_where_it_was()
    {
        var outbox = new RecordingOutbox { FailOnBatch = 2 };
        var watermarks = new Watermarks();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Runner(new ManyMessages(1_000, outbox), outbox, watermarks).RunAsync("many"));

        Assert.Null(watermarks.Mark);
    }

    [Fact]
    public async Task A_scheduled_run_that_fails_logs_one_warning_without_a_stack_trace_and_the_next_run_catches_up()
    {
        var outbox = new RecordingOutbox { FailOnBatch = 0 };
        var watermarks = new Watermarks();
        var log = new CollectingLogger();
        var sweep = new ManyMessages(300, outbox);
        var runner = new ReminderSweepRunner([sweep], new OneCounty(), watermarks, outbox, new SweepOptions { EnqueueBatchSize = 100 },
            new FakeTimeProvider(Now), log);

        Assert.Null(await runner.RunScheduledAsync("many"));

        var warning = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("storage down", warning.Message);
        Assert.Null(warning.Exception);
        Assert.Null(watermarks.Mark);

        var healthy = new RecordingOutbox();
        var next = await new ReminderSweepRunner([new ManyMessages(300, healthy)], new OneCounty(), watermarks, healthy,
            new SweepOptions { EnqueueBatchSize = 100 }, new FakeTimeProvider(Now), log).RunScheduledAsync("many");
        Assert.Equal(300, next!.Enqueued);
    }

    private sealed class CollectingLogger : ILogger<ReminderSweepRunner>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The debug entry may carry the exception; what operators see by default (warning and up) must not.
            if (logLevel >= LogLevel.Warning) Entries.Add((logLevel, formatter(state, exception), exception));
        }
    }

    [Fact]
    public async Task On_a_partitioned_outbox_each_batch_holds_one_partition_and_every_message_is_stored_once()
    {
        var outbox = new RecordingOutbox { Partitions = 4 };
        var sweep = new ManyMessages(1_000, outbox);

        var report = await Runner(sweep, outbox, new Watermarks()).RunAsync("many");

        Assert.Equal((1_000, 1_000), (report.Produced, report.Enqueued));
        Assert.All(outbox.BatchPartitions, partitions => Assert.Single(partitions));
        Assert.Equal([0, 1, 2, 3], outbox.BatchPartitions.Select(p => p.Single()).Distinct().Order());
        Assert.All(outbox.BatchSizes, size => Assert.InRange(size, 1, 100));
        Assert.InRange(outbox.MostAtOnce, 2, 3);
        // Bounded: a batch being filled per partition plus the batches in flight.
        Assert.InRange(sweep.MostAhead, 0, (3 + 4) * 100);
    }
}
