using System.Globalization;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using nietras.SeparatedValues;

namespace AssistBot.Bot.Admin;

/// <summary>
/// Declarations as CSV for county staff to enter into the national 防返贫监测信息系统. Masked by default (name, ID
/// number, phone, and numbers in the free text); with <c>fullPersonalData</c> the name is whole and the ID number and phone are decrypted, because the national system files a household by
/// its 证件号码 and the cadre entering it must type the full number. Written by Sep (RFC 4180 quoting, CRLF line
/// ends) as UTF-8 with a BOM, so Excel on Chinese Windows opens it without garbling.
/// </summary>
public static class DeclarationCsvExport
{
    public static readonly string[] Columns =
        ["编号", "提交时间", "状态", "户主姓名", "身份证号", "联系电话", "乡镇", "村", "家庭人口", "致贫返贫风险", "情况说明",
         "预计家庭年人均纯收入", "核实结果", "最后更新", "下一步", "期限"];

    /// <summary>Shown for a value encrypted with another key (e.g. a record from before a key change).</summary>
    public const string Unreadable = "（无法解密）";

    /// <summary>One record this key cannot read must not fail the whole export.</summary>
    private static string? Unprotect(PersonalDataProtector protector, string? value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Unreadable;
        }
    }

    /// <summary>The file as served: UTF-8 with a BOM (Excel reads a BOM-less file as GBK on Chinese Windows).</summary>
    public static byte[] WriteUtf8WithBom(IEnumerable<Declaration> declarations, PersonalDataProtector protector, bool fullPersonalData) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(declarations, protector, fullPersonalData))];

    public static string Write(IEnumerable<Declaration> declarations, PersonalDataProtector protector, bool fullPersonalData)
    {
        // Excel expects CRLF; Sep ends a row with the writer's NewLine.
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = Sep.Writer(o => o with { Sep = new Sep(','), Escape = true, WriteHeader = false, CultureInfo = CultureInfo.InvariantCulture })
                   .To(text))
        {
            WriteRow(csv, Columns);
            foreach (var fields in Rows(declarations, protector, fullPersonalData)) WriteRow(csv, fields.Select(Neutralize).ToArray());
        }
        return text.ToString();
    }

    private static void WriteRow(SepWriter csv, string[] fields)
    {
        using var row = csv.NewRow();
        for (var i = 0; i < fields.Length; i++) row[Columns[i]].Set(fields[i]);
    }

    private static IEnumerable<string[]> Rows(IEnumerable<Declaration> declarations, PersonalDataProtector protector, bool fullPersonalData)
    {
        foreach (var d in declarations)
        {
            var id = Unprotect(protector, d.IdNumberProtected);
            var phone = Unprotect(protector, d.PhoneProtected);
            string[] fields =
            [
                d.Id,
                Time(d.SubmittedAt),
                CadreTexts.StatusLabel(d),
                fullPersonalData ? d.HeadName : PersonalDataMask.Name(d.HeadName),
                id is null ? "" : fullPersonalData || id == Unreadable ? id : PersonalDataMask.IdNumber(id),
                fullPersonalData || phone == Unreadable ? phone ?? "" : PersonalDataMask.Phone(phone),
                d.Township,
                d.Village,
                d.HouseholdSize.ToString(CultureInfo.InvariantCulture),
                string.Join("、", d.Hardships.Select(h => h.Label())),
                fullPersonalData ? d.Description : PersonalDataMask.Text(d.Description, d.HeadName),
                d.EstimatedIncomePerCapita?.ToString("0", CultureInfo.InvariantCulture) ?? "",
                d.VerifiedTrue switch { true => "属实", false => "不属实", null => "" },
                Time(d.UpdatedAt),
                d.NextStep ?? "",
                d.NextStepDue is { } due ? due.ToChina().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            ];
            yield return fields;
        }
    }

    private static string Time(DateTimeOffset t) => t.ToChina().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A farmer's text must not become a spreadsheet formula.</summary>
    private static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
