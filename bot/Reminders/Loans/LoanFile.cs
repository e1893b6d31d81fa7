using System.Globalization;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Tables;
using AssistBot.Bot.Text;

namespace AssistBot.Bot.Reminders.Loans;

/// <summary>One data row of a loan file, checked; <see cref="Error"/> says what is wrong (in Chinese, for the importer).</summary>
public sealed record LoanRow(int Line, string? LoanNumber, string? BorrowerName, string? IdNumber, string? Phone, string? Township,
    string? Village, string? Bank, decimal Amount, DateOnly DisbursedOn, DateOnly Maturity, string? Cadre, string? Error);

/// <summary>
/// Reads a loan file, CSV or .xlsx (<c>贷款编号,借款人姓名,身份证号,联系电话,乡镇,村,承贷银行,贷款金额,放款日期,到期日期,帮扶责任人</c>;
/// dates as <see cref="ChineseDate"/> reads them; amounts in 元), streaming rows from <see cref="TableReader"/>.
/// </summary>
public static class LoanFile
{
    public static readonly string[] Columns =
        ["贷款编号", "借款人姓名", "身份证号", "联系电话", "乡镇", "村", "承贷银行", "贷款金额", "放款日期", "到期日期", "帮扶责任人"];

    /// <summary>
    /// The checked data rows; a bad header throws <see cref="InvalidDataException"/> with a Chinese message.
    /// <paramref name="today"/> (CST) bounds the birth date in an ID number, as household import does.
    /// </summary>
    public static IEnumerable<LoanRow> Read(IEnumerable<TableRow> rows, DateOnly today)
    {
        int[]? map = null;
        foreach (var row in rows)
        {
            if (map is null)
            {
                map = MapHeader(row.Fields);
                continue;
            }
            yield return Parse(row.Line, row.Fields, map, today);
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

    private static LoanRow Parse(int line, IReadOnlyList<string> fields, int[] map, DateOnly today)
    {
        string Field(int column) => map[column] < fields.Count ? fields[map[column]].Trim() : "";
        var problems = new List<string>();
        var number = Field(0);
        var name = Field(1);
        // The one GB 11643 check (IdNumber) every importer and dialog uses: checksum, region, a real birth date not in the future.
        var idCheck = IdNumber.Check(Field(2), today);
        var id = idCheck.IsValid ? idCheck.Normalized : Field(2).ToUpperInvariant();
        var phone = Field(3).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var township = Field(4);
        var village = Field(5);
        var bank = Field(6);
        if (number.Length == 0) problems.Add("贷款编号为空");
        if (name.Length == 0) problems.Add("借款人姓名为空");
        if (!idCheck.IsValid) problems.Add($"身份证号无效（{IdNumber.Describe(idCheck.Problem)}）");
        if (phone.Length > 0 && !PhoneNumber.IsMobile(phone)) problems.Add("联系电话应为11位手机号");
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
        if (ChineseDate.TryParse(text, out var date)) return date;
        problems.Add($"{column}“{text}”应为 yyyy-MM-dd 或 yyyy/M/d");
        return null;
    }
}
