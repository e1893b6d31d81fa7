using System.Globalization;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.Reminders.Loans;

/// <summary>One data row of a loan file, checked; <see cref="Error"/> says what is wrong (in Chinese, for the importer).</summary>
public sealed record LoanRow(int Line, string? LoanNumber, string? BorrowerName, string? IdNumber, string? Phone, string? Township,
    string? Village, string? Bank, decimal Amount, DateOnly DisbursedOn, DateOnly Maturity, string? Cadre, string? Error);

/// <summary>
/// Reads a loan file, CSV or .xlsx (<c>贷款编号,借款人姓名,身份证号,联系电话,乡镇,村,承贷银行,贷款金额,放款日期,到期日期,帮扶责任人</c>;
/// dates yyyy-MM-dd or yyyy/M/d; amounts in 元), streaming rows from <see cref="TableReader"/>.
/// </summary>
public static class LoanFile
{
    public static readonly string[] Columns =
        ["贷款编号", "借款人姓名", "身份证号", "联系电话", "乡镇", "村", "承贷银行", "贷款金额", "放款日期", "到期日期", "帮扶责任人"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy/MM/dd"];

    /// <summary>The checked data rows; a bad header throws <see cref="InvalidDataException"/> with a Chinese message.</summary>
    public static IEnumerable<LoanRow> Read(IEnumerable<TableRow> rows)
    {
        int[]? map = null;
        foreach (var row in rows)
        {
            if (map is null)
            {
                map = MapHeader(row.Fields);
                continue;
            }
            yield return Parse(row.Line, row.Fields, map);
        }
        if (map is null) throw new InvalidDataException("文件是空的：第一行应为表头 " + string.Join(',', Columns));
    }

    private static int[] MapHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim()).ToList();
        var map = Columns.Select(c => names.IndexOf(c)).ToArray();
        var missing = Columns.Where((_, i) => map[i] < 0).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"表头缺少：{string.Join('、', missing)}（应为 {string.Join(',', Columns)}）");
        return map;
    }

    private static LoanRow Parse(int line, IReadOnlyList<string> fields, int[] map)
    {
        string Field(int column) => map[column] < fields.Count ? fields[map[column]].Trim() : "";
        var problems = new List<string>();
        var number = Field(0);
        var name = Field(1);
        var id = Field(2).ToUpperInvariant();
        var phone = Field(3).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var township = Field(4);
        var village = Field(5);
        var bank = Field(6);
        if (number.Length == 0) problems.Add("贷款编号为空");
        if (name.Length == 0) problems.Add("借款人姓名为空");
        if (!IdNumbers.IsValid(id)) problems.Add("身份证号无效");
        if (phone.Length > 0 && !(phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit))) problems.Add("联系电话应为11位手机号");
        if (township.Length == 0) problems.Add("乡镇为空");
        if (village.Length == 0) problems.Add("村为空");
        if (bank.Length == 0) problems.Add("承贷银行为空");
        var amountText = Field(7).Replace(",", "", StringComparison.Ordinal).Replace("元", "", StringComparison.Ordinal);
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            problems.Add($"贷款金额“{Field(7)}”应为以元计的正数");
        var disbursed = ParseDate(Field(8), "放款日期", problems);
        var maturity = ParseDate(Field(9), "到期日期", problems);
        if (disbursed is { } d && maturity is { } m && m <= d) problems.Add("到期日期应晚于放款日期");
        var cadre = Field(10);
        return new LoanRow(line, number.Length == 0 ? null : LoanStore.Normalize(number), name, id, phone.Length == 0 ? null : phone,
            township, village, bank, amount, disbursed ?? default, maturity ?? default, cadre.Length == 0 ? null : cadre,
            problems.Count == 0 ? null : string.Join("；", problems));
    }

    private static DateOnly? ParseDate(string text, string column, List<string> problems)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add($"{column}“{text}”应为 yyyy-MM-dd 或 yyyy/M/d");
        return null;
    }
}

/// <summary>Checks an 18-digit 身份证号 (GB 11643 checksum).</summary>
public static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCodes = "10X98765432";

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * Weights[i];
        }
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        return char.ToUpperInvariant(id[17]) == CheckCodes[sum % 11];
    }
}
