using AssistBot.Bot.Admin;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Tests.Cases;

/// <summary>
/// The export county staff open in Excel, byte for byte: UTF-8 with a BOM, CRLF rows, RFC 4180 quoting, no cell a
/// spreadsheet would run as a formula, personal data masked unless the full export is asked for.
/// </summary>
public sealed class DeclarationCsvExportTests
{
    private const string Header = "编号,提交时间,状态,户主姓名,身份证号,联系电话,乡镇,村,家庭人口,致贫返贫风险,情况说明,预计家庭年人均纯收入,核实结果,最后更新,下一步,期限\r\n";

    private static readonly PersonalDataProtector Protector = new(new byte[32]);

    private static Declaration Sample() => new()
    {
        Id = "XF-20240515-0007",
        CountyId = "xinfeng",
        Channel = "wechat",
        UserId = "o-user",
        HeadName = "张三",
        IdNumberProtected = Protector.Protect("360722199001010012"),
        PhoneProtected = Protector.Protect("13912345678")!,
        Township = "大塘埠镇",
        Village = "代屋村",
        HouseholdSize = 4,
        Hardships = [],
        Description = "=1+1 说\"漏雨\",\n电话13912345678",
        EstimatedIncomePerCapita = 5000.4m,
        Status = DeclarationStatus.Submitted,
        SubmittedAt = new DateTimeOffset(2024, 5, 15, 2, 30, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2024, 5, 15, 2, 30, 0, TimeSpan.Zero),
        NextStep = "村里入户核实",
        NextStepDue = new DateTimeOffset(2024, 5, 22, 0, 0, 0, ChinaTime.Offset),
        History = [],
    };

    [Fact]
    public void Masked_rows_are_quoted_and_never_start_a_formula()
    {
        var d = Sample();
        var csv = DeclarationCsvExport.Write([d], Protector, fullPersonalData: false);
        Assert.Equal(
            Header +
            $"XF-20240515-0007,2024-05-15 10:30,{CadreTexts.StatusLabel(d)},张*,360722********0012,139****5678,大塘埠镇,代屋村,4,," +
            "\"'=1+1 说\"\"漏雨\"\",\n电话139****5678\",5000,,2024-05-15 10:30,村里入户核实,2024-05-22\r\n",
            csv);
    }

    [Fact]
    public void The_full_export_has_the_whole_name_id_number_and_phone()
    {
        var d = Sample() with { Description = "房子漏雨", Hardships = [HardshipType.Illness, HardshipType.Housing], VerifiedTrue = true };
        var csv = DeclarationCsvExport.Write([d], Protector, fullPersonalData: true);
        Assert.Equal(
            Header +
            $"XF-20240515-0007,2024-05-15 10:30,{CadreTexts.StatusLabel(d)},张三,360722199001010012,13912345678,大塘埠镇,代屋村,4," +
            $"{HardshipType.Illness.Label()}、{HardshipType.Housing.Label()},房子漏雨,5000,属实,2024-05-15 10:30,村里入户核实,2024-05-22\r\n",
            csv);
    }

    [Fact]
    public void An_empty_export_is_the_header_alone_and_the_file_starts_with_a_BOM()
    {
        Assert.Equal(Header, DeclarationCsvExport.Write([], Protector, fullPersonalData: false));
        var bytes = DeclarationCsvExport.WriteUtf8WithBom([Sample()], Protector, fullPersonalData: false);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith(Header, System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }
}
