using AssistBot.Bot.Privacy;
using AssistBot.Bot.Tables;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Loans;

/// <summary>
/// Imports a loan file (CSV or .xlsx, read by <see cref="TableReader"/>) into <see cref="LoanStore"/>: good rows are stored (re-import updates by 贷款编号), bad rows are
/// reported with their line numbers and skipped. ID numbers and phones are protected before they are stored.
/// </summary>
public sealed class LoanImporter(LoanStore loans, PersonalDataProtector protector, ICadreDirectory cadres, TimeProvider time,
    Cases.BindingRegistry? bindings = null)
{
    private const int BatchSize = 64;

    /// <summary>A WeCom UserId (letters, digits, . _ - @) rather than a person's name.</summary>
    private static bool LooksLikeAccount(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    /// <summary>Imports CSV text from a reader.</summary>
    public Task<LoanImportResult> ImportAsync(string county, TextReader reader, Action<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        ImportAsync(county, TableReader.ReadCsv(reader), progress, cancellationToken);

    /// <summary>Imports a CSV or .xlsx file (see <see cref="TableReader.Read"/>).</summary>
    public Task<LoanImportResult> ImportAsync(string county, Stream file, string? fileName, Action<int>? progress = null,
        CancellationToken cancellationToken = default) =>
        ImportAsync(county, TableReader.Read(file, fileName), progress, cancellationToken);

    /// <param name="progress">Called with the number of rows processed so far.</param>
    /// <exception cref="InvalidDataException">The header is missing columns or the file is empty.</exception>
    /// <exception cref="FormatException">The file cannot be read (an unclosed quote, an .xls file).</exception>
    public async Task<LoanImportResult> ImportAsync(string county, IEnumerable<TableRow> rows, Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<LoanImportProblem>();
        var warnings = new List<LoanImportProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var cadreCache = new Dictionary<(string, string), CadreContact?>();
        var batch = new List<Loan>(BatchSize);
        int created = 0, updated = 0, processed = 0;
        var now = time.GetUtcNow();

        async Task FlushAsync()
        {
            var results = await Task.WhenAll(batch.Select(l => loans.UpsertAsync(l, cancellationToken))).ConfigureAwait(false);
            if (bindings is not null)
                foreach (var before in results.Where(b => b?.BindingHash is not null))
                    if (batch.First(l => l.LoanNumber == before!.LoanNumber).BindingHash != before!.BindingHash)
                        await bindings.UnregisterAsync(county, before.BindingHash!,
                            new Cases.BindingSubject(Cases.BindingRegistry.LoanKind, before.LoanNumber), cancellationToken).ConfigureAwait(false);
            if (bindings is not null)
                foreach (var loan in batch.Where(l => l.BindingHash is not null))
                    // "绑定" (name + last 6 of the ID number + phone) then finds this loan for the farmer.
                    await bindings.RegisterAsync(county, loan.BindingHash!, new Cases.BindingSubject(Cases.BindingRegistry.LoanKind, loan.LoanNumber),
                        cancellationToken).ConfigureAwait(false);
            created += results.Count(r => r is null);
            updated += results.Count(r => r is not null);
            batch.Clear();
        }

        foreach (var row in LoanFile.Read(rows, time.Today()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            processed++;
            if (row.Error is not null)
            {
                errors.Add(new LoanImportProblem(row.Line, row.Error));
            }
            else if (seen.TryGetValue(row.LoanNumber!, out var firstLine))
            {
                errors.Add(new LoanImportProblem(row.Line, $"贷款编号 {row.LoanNumber} 与第{firstLine}行重复"));
            }
            else
            {
                seen[row.LoanNumber!] = row.Line;
                CadreContact? cadre = null;
                if (row.Cadre is { } cadreText)
                {
                    var cacheKey = (cadreText, row.Township!);
                    if (!cadreCache.TryGetValue(cacheKey, out cadre))
                        cadreCache[cacheKey] = cadre = await cadres.FindAsync(county, cadreText, row.Township, cancellationToken).ConfigureAwait(false);
                    if (cadre is null && LooksLikeAccount(cadreText))
                    {
                        cadre = new CadreContact(cadreText, cadreText, row.Township!);
                        warnings.Add(new LoanImportProblem(row.Line, $"帮扶责任人“{cadreText}”不在干部名册中，按企业微信账号发送"));
                    }
                    else if (cadre is null)
                        warnings.Add(new LoanImportProblem(row.Line, $"帮扶责任人“{cadreText}”不在干部名册中，干部提醒暂时发不出；请先导入干部名册后重新导入"));
                }
                batch.Add(new Loan
                {
                    CountyId = county,
                    LoanNumber = row.LoanNumber!,
                    BorrowerName = row.BorrowerName!,
                    IdNumberProtected = protector.Protect(row.IdNumber)!,
                    IdNumberHash = protector.LookupHash("id", row.IdNumber!),
                    PhoneProtected = protector.Protect(row.Phone),
                    PhoneMasked = PersonalDataMask.Phone(row.Phone),
                    Township = row.Township!,
                    Village = row.Village!,
                    Bank = row.Bank!,
                    Amount = row.Amount,
                    DisbursedOn = row.DisbursedOn,
                    Maturity = row.Maturity,
                    CadreName = cadre?.Name ?? row.Cadre,
                    CadreUserId = cadre?.UserId,
                    BindingHash = bindings?.Hash(row.BorrowerName, row.IdNumber, row.Phone),
                    ImportedAt = now,
                });
                if (batch.Count >= BatchSize) await FlushAsync().ConfigureAwait(false);
            }
            if (processed % 100 == 0) progress?.Invoke(processed);
        }
        if (batch.Count > 0) await FlushAsync().ConfigureAwait(false);
        progress?.Invoke(processed);
        return new LoanImportResult(created, updated, errors, warnings);
    }
}
