using System.Diagnostics;
using System.Globalization;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Reminders.Loans;
using AssistBot.Bot.Storage;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>Where the synthetic loans mature, relative to the swept day.</summary>
public enum LoanSpread
{
    /// <summary>
    /// Every loan has a borrower prompt (30/7/1 days before maturity) on the swept day: a third each mature 1, 7 and 30
    /// days later. The sweep reads every loan and queues one reminder each (a catch-up or a big import).
    /// </summary>
    AllDue,

    /// <summary>Maturities spread evenly over the year after the swept day: one ordinary day's sweep.</summary>
    Year,
}

/// <summary>
/// Seeds synthetic loans the way <see cref="LoanStore"/> stores them (documents with protected ID numbers and phones,
/// the maturity and cadre indexes) and binds every second borrower to a WeChat account, in batches. The per-borrower
/// ID-hash index and the user → loans index are not written: no sweep reads them.
/// </summary>
public static class SyntheticLoans
{
    private const int BatchSize = 1000;
    private const int Cadres = 2000;
    private static readonly int[] AllDueOffsets = [1, 7, 30];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];
    private static readonly string[] GivenNames = ["秀英", "桂兰", "建国", "德明", "春花", "国强", "小红", "志军", "海燕", "长生"];
    private static readonly string[] Townships = ["嘉定镇", "大塘埠镇", "古陂镇", "大桥镇", "新田镇", "安西镇", "小江镇", "铁石口镇"];
    private static readonly string[] Banks = ["信丰县农商银行", "中国邮政储蓄银行信丰县支行", "中国农业银行信丰县支行"];

    public static string LoanNumber(int i) => $"SW{i:D7}";

    public static string OpenId(int i) => $"o6_sweep{i:D20}";

    /// <summary>True for the borrowers bound to WeChat (every second one); the others are reached through their cadre.</summary>
    public static bool IsBound(int i) => i % 2 == 0;

    public static DateOnly Maturity(int i, LoanSpread spread, DateOnly sweptDay) =>
        sweptDay.AddDays(spread == LoanSpread.AllDue ? AllDueOffsets[i % 3] : 1 + i % 365);

    /// <summary>
    /// Seeds <paramref name="count"/> loans (county <c>sweep-{spread}-{count}</c>) unless this store already holds them,
    /// and returns the county id; <paramref name="log"/> hears progress and the seeding time.
    /// </summary>
    public static async Task<string> SeedOnceAsync(IStorage storage, int count, LoanSpread spread, Action<string> log)
    {
        var county = $"sweep-{(spread == LoanSpread.AllDue ? "all-due" : "year")}-{count}";
        var marker = $"bench/seeded/{county}";
        if ((await storage.ReadAsync<int>(marker).ConfigureAwait(false))?.Value == count)
        {
            log($"{county}: loans already seeded");
            return county;
        }
        var seeding = Stopwatch.StartNew();
        await SeedAsync(storage, county, count, spread, SweepRig.SweptDay, done =>
        {
            if (done % 100_000 == 0) log($"  seeded {done:N0}");
        }).ConfigureAwait(false);
        await storage.WriteAsync(marker, count, WriteCondition.Always).ConfigureAwait(false);
        log(string.Create(CultureInfo.InvariantCulture,
            $"{county}: seeded {count:N0} loans in {seeding.Elapsed.TotalSeconds:0.0} s (not part of the measurement)"));
        return county;
    }

    public static async Task SeedAsync(IStorage storage, string county, int count, LoanSpread spread, DateOnly sweptDay,
        Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var protector = new PersonalDataProtector(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var cadres = Enumerable.Range(0, Cadres).Select(c => new IndexEntry(Cadre(c), 0)).ToList();
        await AddAllAsync(storage, LoanStore.CadreIndex(county), cadres, cancellationToken).ConfigureAwait(false);
        var done = 0;
        var batches = Enumerable.Range(0, (count + BatchSize - 1) / BatchSize);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var first = batch * BatchSize;
                var loans = Enumerable.Range(first, Math.Min(BatchSize, count - first))
                    .Select(i => NewLoan(protector, county, i, Maturity(i, spread, sweptDay))).ToList();
                await WriteAllAsync(storage, loans.Select(l => KeyValuePair.Create(LoanStore.LoanKey(county, l.LoanNumber), l)), ct)
                    .ConfigureAwait(false);
                await AddAllAsync(storage, LoanStore.MaturityIndex(county),
                    loans.Select(l => new IndexEntry(l.LoanNumber, LoanStore.Score(l.Maturity))), ct).ConfigureAwait(false);
                var bound = Enumerable.Range(first, loans.Count).Where(IsBound)
                    .Select(i => KeyValuePair.Create(StorageBorrowerAccounts.LoanAccountKey(county, LoanNumber(i)), OpenId(i))).ToList();
                await WriteAllAsync(storage, bound, ct).ConfigureAwait(false);
                progress?.Invoke(Interlocked.Add(ref done, loans.Count));
            }).ConfigureAwait(false);
    }

    // Seeding is not measured: one write per item, all of a batch in flight at once (Redis pipelines them).
    private static Task WriteAllAsync<T>(IStorage storage, IEnumerable<KeyValuePair<string, T>> documents,
        CancellationToken cancellationToken) =>
        Task.WhenAll(documents.Select(d => storage.WriteAsync(d.Key, d.Value, WriteCondition.Always, null, cancellationToken).AsTask()));

    private static Task AddAllAsync(IStorage storage, string index, IEnumerable<IndexEntry> entries,
        CancellationToken cancellationToken = default) =>
        Task.WhenAll(entries.Select(e => storage.IndexAddAsync(index, e.Member, e.Score, cancellationToken).AsTask()));

    private static string Cadre(int c) => $"cadre{c:D4}";

    private static Loan NewLoan(PersonalDataProtector protector, string county, int i, DateOnly maturity)
    {
        var idNumber = $"360722{19600101 + i % 400_000:D8}{i % 10_000:D4}"[..18];
        var phone = $"139{i % 100_000_000:D8}";
        var township = Townships[i % Townships.Length];
        var cadre = i % Cadres;
        return new Loan
        {
            CountyId = county,
            LoanNumber = LoanNumber(i),
            BorrowerName = Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length],
            IdNumberProtected = protector.Protect(idNumber)!,
            IdNumberHash = protector.LookupHash("id", idNumber),
            PhoneProtected = protector.Protect(phone),
            PhoneMasked = PersonalDataMask.Phone(phone),
            Township = township,
            Village = $"第{i % 40 + 1}村",
            Bank = Banks[i % Banks.Length],
            Amount = i % 5 == 0 ? 30_000m : 50_000m,
            DisbursedOn = maturity.AddYears(-3),
            Maturity = maturity,
            CadreName = $"干部{cadre:D4}",
            CadreUserId = Cadre(cadre),
            BindingHash = protector.LookupHash("binding", idNumber),
            ImportedAt = new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.FromHours(8)),
        };
    }
}
