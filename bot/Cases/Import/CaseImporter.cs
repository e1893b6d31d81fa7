using System.Text.RegularExpressions;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Tables;
using AssistBot.Bot.Text;
using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Cases.Import;

/// <summary>
/// Imports the cadre roster, the household list and the other subjects of duties (光伏电站, 安置点 …) from CSV or
/// .xlsx (read by <see cref="TableReader"/>; <see cref="TryLoad"/> turns an unreadable file into a report). Bad
/// rows are reported with their line numbers and skipped; good rows are written; a re-import updates rows by their key
/// (企业微信账号 / 户编号 / 编号). Roster rows whose 职务 is none of the pack's duty roles are imported and listed as
/// remarks. Behind both the admin API and the <c>import roster|households|sites</c> CLI commands.
/// </summary>
public sealed partial class CaseImporter(
    CountyCaseData counties,
    RosterStore roster,
    HouseholdStore households,
    SiteStore sites,
    BindingRegistry bindings,
    PersonalDataProtector protector,
    TimeProvider time,
    ILogger<CaseImporter> logger)
{
    public static readonly string[] RosterColumns = ["企业微信账号", "姓名", "职务", "乡镇", "村"];
    public static readonly string[] HouseholdColumns = ["户编号", "户主姓名", "身份证号", "乡镇", "村", "监测对象类别", "纳入日期", "帮扶责任人"];
    public const string OptionalPhoneColumn = "联系电话";
    public static readonly string[] SiteColumns = ["编号", "名称", "类型", "乡镇", "村", "负责人"];
    public const string OptionalSiteDateColumn = "日期";

    /// <summary>What a county-level cadre's 乡镇 may say (or it may be empty).</summary>
    private static readonly string[] CountyLevelPlaces = ["县级", "全县", "县直", "市级", "全市", "市直"];

    public Task<ImportReport> ImportRosterAsync(string countyId, string csv, CancellationToken ct = default) =>
        TryParse(csv, out var table, out var failure) ? ImportRosterAsync(countyId, table, ct) : Task.FromResult(failure);

    public async Task<ImportReport> ImportRosterAsync(string countyId, ImportTable table, CancellationToken ct = default)
    {
        if (!counties.TryGet(countyId, out var county)) return ImportReport.Failed($"没有这个县：{countyId}");
        if (!HasColumns(table, RosterColumns, out var failure)) return failure;

        var errors = new List<ImportError>();
        var warnings = new List<ImportError>();
        var duties = county.Reminders.Duties;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var row in table.Rows)
        {
            var account = table.Get(row, "企业微信账号");
            var name = table.Get(row, "姓名");
            var title = table.Get(row, "职务");
            var townshipText = table.Get(row, "乡镇");
            var villagesText = table.Get(row, "村");
            string? problem = null;
            Township? township = null;
            if (!AccountPattern().IsMatch(account)) problem = account.Length == 0 ? "企业微信账号为空" : $"企业微信账号\"{account}\"格式不对（只能有字母、数字和 _ . @ -）";
            else if (seen.TryGetValue(account, out var firstLine)) problem = $"企业微信账号\"{account}\"与第{firstLine}行重复";
            else if (name.Length == 0) problem = "姓名为空";
            var role = duties.RoleFor(title);
            var countyLevel = role?.Level == AssistBot.Knowledge.Reminders.DutyRole.CountyLevel &&
                              (townshipText.Length == 0 || CountyLevelPlaces.Contains(townshipText) || townshipText == county.County.Name);
            if (problem is null && !countyLevel && (township = ResolveTownship(county, townshipText, out var townshipProblem)) is null)
                problem = townshipProblem;
            if (problem is not null)
            {
                errors.Add(new ImportError(row.Line, problem));
                continue;
            }
            seen[account] = row.Line;
            if (role is null && duties.Roles.Count > 0)
                warnings.Add(new ImportError(row.Line, (title.Length == 0 ? "职务为空" : $"职务\"{title}\"不是政策包里的角色") +
                    $"（{string.Join("、", duties.Roles.Select(r => r.Name))}），已导入，但收不到按角色发的工作提醒"));
            var villages = township is null ? [] : villagesText.Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => county.Places.CleanVillage(township, v) ?? v).Distinct().ToList();
            var cadre = new Cadre(county.Id, account, name, title, township?.Name ?? "", villages);
            if (await roster.UpsertAsync(cadre, ct).ConfigureAwait(false)) created++;
            else updated++;
        }
        logger.LogInformation("Roster import for {County}: {Created} created, {Updated} updated, {Errors} bad rows, {Warnings} without a known role",
            county.Id, created, updated, errors.Count, warnings.Count);
        return new ImportReport(created, updated, errors, warnings);
    }

    public Task<ImportReport> ImportHouseholdsAsync(string countyId, string csv, CancellationToken ct = default) =>
        TryParse(csv, out var table, out var failure) ? ImportHouseholdsAsync(countyId, table, ct) : Task.FromResult(failure);

    public async Task<ImportReport> ImportHouseholdsAsync(string countyId, ImportTable table, CancellationToken ct = default)
    {
        if (!counties.TryGet(countyId, out var county)) return ImportReport.Failed($"没有这个县：{countyId}");
        if (!HasColumns(table, HouseholdColumns, out var failure)) return failure;

        var hasPhone = table.HasColumn(OptionalPhoneColumn);
        var today = time.Today();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var row in table.Rows)
        {
            var no = table.Get(row, "户编号");
            var name = table.Get(row, "户主姓名");
            var id = IdNumber.Check(table.Get(row, "身份证号"), today);
            var village = table.Get(row, "村");
            var phoneText = hasPhone ? table.Get(row, OptionalPhoneColumn) : "";
            var phone = PhoneNumber.Check(phoneText);
            var dateText = table.Get(row, "纳入日期");
            DateOnly? includedOn = null;
            string? problem = null;
            Township? township = null;
            if (!HouseholdNoPattern().IsMatch(no)) problem = no.Length == 0 ? "户编号为空" : $"户编号\"{no}\"格式不对";
            else if (seen.TryGetValue(no, out var firstLine)) problem = $"户编号\"{no}\"与第{firstLine}行重复";
            else if (name.Length == 0) problem = "户主姓名为空";
            else if (!id.IsValid) problem = $"身份证号不对（{IdNumber.Describe(id.Problem)}：{PersonalDataMask.IdNumber(id.Normalized)}）";
            else if ((township = ResolveTownship(county, table.Get(row, "乡镇"), out var townshipProblem)) is null) problem = townshipProblem;
            else if (village.Length == 0) problem = "村为空";
            else if (dateText.Length > 0 && (includedOn = ChineseDate.Parse(dateText)) is null) problem = $"纳入日期\"{dateText}\"看不懂（请写成 2024-05-15）";
            else if (phoneText.Length > 0 && !phone.IsValid) problem = $"联系电话不对（{PersonalDataMask.Phone(phone.Normalized)}）";
            if (problem is not null)
            {
                errors.Add(new ImportError(row.Line, problem));
                continue;
            }
            seen[no] = row.Line;
            var household = new Household
            {
                CountyId = county.Id,
                HouseholdNo = no,
                HeadName = name,
                IdNumberProtected = protector.Protect(id.Normalized)!,
                IdNumberHash = protector.LookupHash("id", id.Normalized),
                PhoneProtected = phone.IsValid ? protector.Protect(phone.Normalized) : null,
                Township = township!.Name,
                Village = county.Places.CleanVillage(township, village) ?? village,
                Category = NullIfEmpty(table.Get(row, "监测对象类别")),
                IncludedOn = includedOn,
                ResponsibleCadre = NullIfEmpty(table.Get(row, "帮扶责任人")),
                BindingHash = phone.IsValid ? bindings.Hash(name, id.Normalized, phone.Normalized) : null,
                ImportedAt = time.GetUtcNow(),
            };
            if (await households.UpsertAsync(household, ct).ConfigureAwait(false)) created++;
            else updated++;
        }
        logger.LogInformation("Household import for {County}: {Created} created, {Updated} updated, {Errors} bad rows",
            county.Id, created, updated, errors.Count);
        return new ImportReport(created, updated, errors);
    }

    /// <summary>
    /// Subjects other than households (<c>编号,名称,类型,乡镇,村,负责人[,日期]</c>): 类型 must be one of the pack's subject
    /// types (光伏电站, 安置点 …); 村 may be empty for a township-wide subject; 日期 (建成、审计决算) anchors one-off duties.
    /// </summary>
    public Task<ImportReport> ImportSitesAsync(string countyId, string csv, CancellationToken ct = default) =>
        TryParse(csv, out var table, out var failure) ? ImportSitesAsync(countyId, table, ct) : Task.FromResult(failure);

    public async Task<ImportReport> ImportSitesAsync(string countyId, ImportTable table, CancellationToken ct = default)
    {
        if (!counties.TryGet(countyId, out var county)) return ImportReport.Failed($"没有这个县：{countyId}");
        if (!HasColumns(table, SiteColumns, out var failure)) return failure;
        var types = county.Reminders.Duties.SubjectTypes;
        var hasDate = table.HasColumn(OptionalSiteDateColumn);
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var row in table.Rows)
        {
            var no = table.Get(row, "编号");
            var name = table.Get(row, "名称");
            var typeText = table.Get(row, "类型");
            var village = table.Get(row, "村");
            var dateText = hasDate ? table.Get(row, OptionalSiteDateColumn) : "";
            var type = county.Reminders.Duties.SubjectTypeFor(typeText);
            DateOnly? since = null;
            string? problem = null;
            Township? township = null;
            if (!HouseholdNoPattern().IsMatch(no)) problem = no.Length == 0 ? "编号为空" : $"编号\"{no}\"格式不对（只能有字母、数字和 _ -）";
            else if (seen.TryGetValue(no, out var firstLine)) problem = $"编号\"{no}\"与第{firstLine}行重复";
            else if (name.Length == 0) problem = "名称为空";
            else if (type is null)
                problem = typeText.Length == 0 ? "类型为空" : $"类型\"{typeText}\"不认识（可用：{string.Join("、", types.Select(t => t.Name))}）";
            else if ((township = ResolveTownship(county, table.Get(row, "乡镇"), out var townshipProblem)) is null) problem = townshipProblem;
            else if (dateText.Length > 0 && (since = ChineseDate.Parse(dateText)) is null) problem = $"日期\"{dateText}\"看不懂（请写成 2024-05-15）";
            if (problem is not null)
            {
                errors.Add(new ImportError(row.Line, problem));
                continue;
            }
            seen[no] = row.Line;
            var site = new Site
            {
                CountyId = county.Id,
                SiteNo = no,
                Name = name,
                Type = type!.Id,
                Township = township!.Name,
                Village = village.Length == 0 ? "" : county.Places.CleanVillage(township, village) ?? village,
                ResponsibleCadre = NullIfEmpty(table.Get(row, "负责人")),
                Since = since,
                ImportedAt = time.GetUtcNow(),
            };
            if (await sites.UpsertAsync(site, ct).ConfigureAwait(false)) created++;
            else updated++;
        }
        logger.LogInformation("Site import for {County}: {Created} created, {Updated} updated, {Errors} bad rows",
            county.Id, created, updated, errors.Count);
        return new ImportReport(created, updated, errors);
    }

    /// <summary>Reads an import file (CSV or .xlsx); false with a one-line report when it cannot be read.</summary>
    public static bool TryLoad(Stream file, string? fileName, out ImportTable table, out ImportReport failure)
    {
        failure = null!;
        try
        {
            table = ImportTable.Load(file, fileName);
            return true;
        }
        catch (FormatException e)
        {
            table = null!;
            failure = ImportReport.Failed(e.Message);
            return false;
        }
    }

    private static bool TryParse(string csv, out ImportTable table, out ImportReport failure)
    {
        failure = null!;
        try
        {
            table = ImportTable.Parse(csv);
            return true;
        }
        catch (FormatException e)
        {
            table = null!;
            failure = ImportReport.Failed(e.Message);
            return false;
        }
    }

    private static bool HasColumns(ImportTable table, string[] required, out ImportReport failure)
    {
        failure = null!;
        var missing = required.Where(c => !table.HasColumn(c)).ToList();
        if (table.Header.Count == 0 || missing.Count > 0)
        {
            failure = ImportReport.Failed($"表头缺少列：{string.Join("、", missing.Count > 0 ? missing : required)}。第一行应为：{string.Join(',', required)}");
            return false;
        }
        return true;
    }

    private static Township? ResolveTownship(CountyCases county, string text, out string? problem)
    {
        problem = null;
        // Files are typed carefully: only official names, their short forms and old names count (no guessing).
        var match = county.Places.MatchTownship(text);
        if (match.Kind == PlaceMatchKind.Exact) return match.Candidates[0];
        if (match.Kind == PlaceMatchKind.Fuzzy) match = PlaceMatch.Ambiguous(match.Candidates);
        problem = text.Length == 0 ? "乡镇为空"
            : match.Kind == PlaceMatchKind.Ambiguous ? $"乡镇\"{text}\"不明确（可能是{string.Join("、", match.Candidates.Select(c => c.Name))}）"
            : $"乡镇\"{text}\"不在{county.County.Name}的乡镇名单里";
        return null;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,64}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex HouseholdNoPattern();
}
