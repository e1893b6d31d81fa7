using AssistBot.Bot.Reminders;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>
/// The borrower-prompt sweep as the service wires it (loan book with both binding sources, storage outbox and its
/// reminder pointers, watermarks, runner, and delivery's pointer expansion), for one county with the real 信丰 pack,
/// at 09:00:30 on the swept day.
/// </summary>
public sealed class SweepRig
{
    public static readonly DateOnly SweptDay = new(2025, 3, 3);

    public SweepRig(IStorage storage, string county, string outboxKeyspace, SweepOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(SweptDay.ToDateTime(new TimeOnly(9, 0, 30)), TimeSpan.FromHours(8)));
        var pack = ReminderPackLoader.LoadPack(Path.Combine(AppContext.BaseDirectory, "packs"), "xinfeng-2024");
        Loans = new CountingLoanBook(new LoanStore(storage, storage, storage, new BoundBorrowerAccounts(new AssistBot.Bot.Cases.BindingReader(storage, storage, storage), new StorageBorrowerAccounts(storage, storage)), time));
        Outbox = new StorageOutbox(storage, storage, storage, storage, time, outboxKeyspace);
        _sweep = new LoanRepaymentSweep(Loans, time, NullLogger<LoanRepaymentSweep>.Instance);
        _county = new ReminderCounty(county, "信丰县（合成数据）", pack);
        // A fresh watermark keyspace per rig: the first run looks back one day, so it sweeps exactly the swept day.
        Runner = new ReminderSweepRunner([_sweep], new OneCounty(_county),
            new StorageSweepWatermarks(storage, "bench-watermarks/" + Guid.NewGuid().ToString("N")), Outbox,
            options ?? new SweepOptions(), time, NullLogger<ReminderSweepRunner>.Instance, Outbox.Pointers);
        Expansion = new PointerExpansion(Outbox.Pointers, Outbox, [_sweep], new OneCounty(_county), new DeliveryOptions(), time,
            NullLogger<PointerExpansion>.Instance);
    }

    /// <summary>What delivery does with the sweep's pointers: reads the loans then and queues the messages.</summary>
    public PointerExpansion Expansion { get; }

    /// <summary>Expands due pointer batches (as delivery rounds do, two batches a round) until at least <paramref name="pointers"/> are done or none are left.</summary>
    public async Task<int> ExpandAsync(int pointers, CancellationToken cancellationToken = default)
    {
        var done = 0;
        int handled;
        while (done < pointers && (handled = await Expansion.ExpandDueAsync(2, cancellationToken).ConfigureAwait(false)) > 0) done += handled;
        return done;
    }

    private readonly LoanRepaymentSweep _sweep;
    private readonly ReminderCounty _county;

    public CountingLoanBook Loans { get; }

    public StorageOutbox Outbox { get; }

    public ReminderSweepRunner Runner { get; }

    public Task<SweepReport> RunAsync(CancellationToken cancellationToken = default) =>
        Runner.RunAsync(ReminderKinds.LoanRepayment, cancellationToken);

    /// <summary>
    /// Part of the sweep, to see where its time goes: <see cref="SweepStage.Produce"/> reads the loans and builds the
    /// messages, <see cref="SweepStage.Serialize"/> also serializes each as the outbox stores it; nothing is written.
    /// </summary>
    public async Task<SweepReport> RunPartAsync(SweepStage stage, CancellationToken cancellationToken = default)
    {
        var produced = 0;
        long bytes = 0;
        await foreach (var message in _sweep.ProduceAsync(_county, SweptDay, SweptDay, cancellationToken).ConfigureAwait(false))
        {
            produced++;
            if (stage == SweepStage.Serialize)
                bytes += StorageJson.Serialize(new OutboxEntry { Id = OutboxIds.FromIdempotencyKey(message.IdempotencyKey), Message = message,
                    NextAttemptAt = message.DueAt }).Length;
        }
        SerializedBytes = bytes;
        return new SweepReport(_sweep.Name, produced, 0);
    }

    /// <summary>The JSON bytes <see cref="RunPartAsync"/> serialized (0 unless <see cref="SweepStage.Serialize"/>).</summary>
    public long SerializedBytes { get; private set; }

    private sealed class OneCounty(ReminderCounty county) : IReminderCounties
    {
        public IReadOnlyList<ReminderCounty> All { get; } = [county];
    }
}

/// <summary>Counts the loans a sweep reads.</summary>
public sealed class CountingLoanBook(ILoanBook inner) : ILoanBook
{
    private long _read;

    public long Read => Interlocked.Read(ref _read);

    public async IAsyncEnumerable<LoanView> MaturingAsync(string countyId, DateOnly first, DateOnly last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var loan in inner.MaturingAsync(countyId, first, last, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _read);
            yield return loan;
        }
    }

    public IAsyncEnumerable<string> CadresWithLoansAsync(string countyId, CancellationToken cancellationToken = default) =>
        inner.CadresWithLoansAsync(countyId, cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<LoanMaturity>> MaturityPagesAsync(string countyId, DateOnly first, DateOnly last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in inner.MaturityPagesAsync(countyId, first, last, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Add(ref _indexed, page.Count);
            yield return page;
        }
    }

    public async ValueTask<IReadOnlyList<LoanView?>> GetManyAsync(string countyId, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default)
    {
        var loans = await inner.GetManyAsync(countyId, loanNumbers, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _read, loans.Count);
        return loans;
    }

    private long _indexed;

    /// <summary>Maturity index entries a pointer sweep read (no loan read).</summary>
    public long Indexed => Interlocked.Read(ref _indexed);
}

/// <summary>How much of the sweep a measurement runs (<c>--stage</c>).</summary>
public enum SweepStage
{
    /// <summary>Read the loans and build the messages only.</summary>
    Produce,

    /// <summary>Also serialize each message as the outbox stores it (nothing written).</summary>
    Serialize,

    /// <summary>The whole sweep as the service runs it: reminder pointers claimed (messages are made at delivery).</summary>
    All,
}
