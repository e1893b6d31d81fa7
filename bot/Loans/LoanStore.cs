using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Loans;

/// <summary>
/// Loans in storage: one document per loan, a scored index by maturity day (so a sweep reads only the loans whose
/// stage dates fall in its window, page by page), the cadres with loans, and each borrower's loans by ID hash.
/// </summary>
public sealed class LoanStore(IDocumentStore documents, IScoredIndex scoredIndex, ISweepReads sweepReads,
    IBorrowerAccounts accounts, TimeProvider time) : ILoanBook
{
    private const int PageSize = 500;

    public static string LoanKey(string county, string loanNumber) => $"loans/{county}/{loanNumber}";

    public static string MaturityIndex(string county) => $"loans/{county}/idx/maturity";

    public static string CadreIndex(string county) => $"loans/{county}/idx/cadres";

    private static string BorrowerIndex(string county, string idHash) => $"loans/{county}/idx/borrower/{idHash}";

    /// <summary>Score of a date in the maturity index (days since 0001-01-01).</summary>
    public static double Score(DateOnly date) => date.DayNumber;

    public static string Normalize(string loanNumber) => loanNumber.Trim().ToUpperInvariant();

    public async Task<Loan?> GetAsync(string county, string loanNumber, CancellationToken ct = default) =>
        (await documents.ReadAsync<Loan>(LoanKey(county, Normalize(loanNumber)), ct).ConfigureAwait(false))?.Value;

    /// <summary>Creates or updates a loan (by 贷款编号), keeping its recorded repayment; returns the previous version (null: new).</summary>
    public async Task<Loan?> UpsertAsync(Loan loan, CancellationToken ct = default)
    {
        var key = LoanKey(loan.CountyId, loan.LoanNumber);
        Loan? before = null;
        await documents.UpdateAsync<Loan>(key, existing =>
        {
            before = existing;
            return existing is null ? loan : loan with
            {
                Repayment = existing.Repayment,
                RepaymentReportedAt = existing.RepaymentReportedAt,
                RepaymentConfirmedAt = existing.RepaymentConfirmedAt,
                RepaymentConfirmedBy = existing.RepaymentConfirmedBy,
            };
        }, cancellationToken: ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(MaturityIndex(loan.CountyId), loan.LoanNumber, Score(loan.Maturity), ct).ConfigureAwait(false);
        if (loan.CadreUserId is { Length: > 0 } cadre)
            await scoredIndex.IndexAddAsync(CadreIndex(loan.CountyId), cadre, 0, ct).ConfigureAwait(false);
        if (before is not null && before.IdNumberHash != loan.IdNumberHash)
            await scoredIndex.IndexRemoveAsync(BorrowerIndex(loan.CountyId, before.IdNumberHash), loan.LoanNumber, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(BorrowerIndex(loan.CountyId, loan.IdNumberHash), loan.LoanNumber, Score(loan.Maturity), ct)
            .ConfigureAwait(false);
        return before;
    }

    /// <summary>The borrower's loans (by ID-number hash), soonest maturity first.</summary>
    public async Task<IReadOnlyList<Loan>> ForBorrowerAsync(string county, string idNumberHash, CancellationToken ct = default)
    {
        var members = await scoredIndex.IndexRangeByScoreAsync(BorrowerIndex(county, idNumberHash), double.MinValue, double.MaxValue, 0, 100, ct)
            .ConfigureAwait(false);
        var loans = new List<Loan>(members.Count);
        foreach (var member in members)
            if (await GetAsync(county, member.Member, ct).ConfigureAwait(false) is { } loan) loans.Add(loan);
        return loans;
    }

    /// <summary>The borrower said they repaid ("已还款"): reported, pending the cadre's confirmation.</summary>
    public Task<Loan?> ReportRepaidAsync(string county, string loanNumber, CancellationToken ct = default) =>
        ChangeAsync(county, loanNumber, l => l.Repayment == RepaymentState.Outstanding
            ? l with { Repayment = RepaymentState.Reported, RepaymentReportedAt = time.GetUtcNow() }
            : l, ct);

    /// <summary>The cadre confirmed ("确认还款 编号"): no more reminders for this loan.</summary>
    public Task<Loan?> ConfirmRepaidAsync(string county, string loanNumber, string by, CancellationToken ct = default) =>
        ChangeAsync(county, loanNumber, l => l.Repayment == RepaymentState.Confirmed
            ? l
            : l with { Repayment = RepaymentState.Confirmed, RepaymentConfirmedAt = time.GetUtcNow(), RepaymentConfirmedBy = by }, ct);

    private async Task<Loan?> ChangeAsync(string county, string loanNumber, Func<Loan, Loan> change, CancellationToken ct)
    {
        var key = LoanKey(county, Normalize(loanNumber));
        if (await documents.ReadAsync<Loan>(key, ct).ConfigureAwait(false) is null) return null;
        return await documents.UpdateAsync<Loan>(key, l => l is null ? null! : change(l), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Pages of <see cref="PageSize"/> loans by keyset (the cost of a page does not grow with its position). The index is
    /// paged ahead of the caller and each page's loans and bindings are read as soon as its index page is known (two
    /// batched storage calls, which on a Redis Cluster go to every node at once), up to <see cref="ReadAhead"/> pages
    /// ahead: reads overlap with each other and with the caller's work, and memory stays at a few pages however many
    /// loans mature.
    /// </summary>
    public async IAsyncEnumerable<LoanView> MaturingAsync(string countyId, DateOnly first, DateOnly last,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pages = Channel.CreateBounded<Task<List<LoanView>>>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var pager = PageAsync(countyId, first, last, pages.Writer, stop.Token);
        try
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                foreach (var view in await page.ConfigureAwait(false)) yield return view;
        }
        finally
        {
            // Done, failed or stopped early: stop paging and observe whatever is still being read.
            await stop.CancelAsync().ConfigureAwait(false);
            await pager.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (pages.Reader.TryRead(out var page)) await ((Task)page).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Pages read ahead of the caller (besides the one it works through and one waiting to be handed over).</summary>
    private const int ReadAhead = 3;

    private async Task PageAsync(string countyId, DateOnly first, DateOnly last, ChannelWriter<Task<List<LoanView>>> pages,
        CancellationToken ct)
    {
        try
        {
            IndexEntry? after = null;
            while (true)
            {
                var entries = await sweepReads.IndexRangeAfterAsync(MaturityIndex(countyId), Score(first), Score(last), after, PageSize, ct)
                    .ConfigureAwait(false);
                if (entries.Count > 0) await pages.WriteAsync(ReadPageAsync(countyId, entries, ct), ct).ConfigureAwait(false);
                if (entries.Count < PageSize) break;
                after = entries[^1];
            }
            pages.Complete();
        }
        catch (Exception e)
        {
            pages.TryComplete(e);
        }
    }

    private async Task<List<LoanView>> ReadPageAsync(string countyId, IReadOnlyList<IndexEntry> entries, CancellationToken ct)
    {
        var numbers = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++) numbers[i] = entries[i].Member;
        var views = new List<LoanView>(entries.Count);
        foreach (var view in await GetManyAsync(countyId, numbers, ct).ConfigureAwait(false))
            if (view is not null) views.Add(view);
        return views;
    }

    /// <summary>The loans and their borrowers' bound accounts in two batched storage calls, aligned with the numbers.</summary>
    public async ValueTask<IReadOnlyList<LoanView?>> GetManyAsync(string countyId, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default)
    {
        var keys = new string[loanNumbers.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = LoanKey(countyId, loanNumbers[i]);
        var loans = documents.ReadManyAsync<Loan>(keys, cancellationToken).AsTask();
        var openIds = accounts.OpenIdsForLoansAsync(countyId, loanNumbers, cancellationToken).AsTask();
        await Task.WhenAll(loans, openIds).ConfigureAwait(false);
        var views = new LoanView?[keys.Length];
        for (var i = 0; i < keys.Length; i++)
            if (loans.Result[i]?.Value is { } loan) views[i] = ToView(loan, openIds.Result[i]);
        return views;
    }

    /// <summary>The maturity index alone, page by page (keyset): what a pointer sweep reads.</summary>
    public async IAsyncEnumerable<IReadOnlyList<LoanMaturity>> MaturityPagesAsync(string countyId, DateOnly first, DateOnly last,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IndexEntry? after = null;
        while (true)
        {
            var entries = await sweepReads.IndexRangeAfterAsync(MaturityIndex(countyId), Score(first), Score(last), after, PageSize,
                cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0) yield break;
            var page = new LoanMaturity[entries.Count];
            for (var i = 0; i < page.Length; i++) page[i] = new LoanMaturity(entries[i].Member, DateOnly.FromDayNumber((int)entries[i].Score));
            yield return page;
            if (entries.Count < PageSize) yield break;
            after = entries[^1];
        }
    }

    public async IAsyncEnumerable<string> CadresWithLoansAsync(string countyId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(CadreIndex(countyId), double.MinValue, double.MaxValue, skip, PageSize,
                cancellationToken).ConfigureAwait(false);
            foreach (var entry in page) yield return entry.Member;
            if (page.Count < PageSize) yield break;
        }
    }

    public static LoanView ToView(Loan loan, string? openId) => new(loan.LoanNumber, loan.BorrowerName, loan.PhoneMasked, loan.Township,
        loan.Village, loan.Bank, loan.Amount, loan.Maturity, loan.CadreUserId, loan.CadreName, openId, loan.Repayment);
}
