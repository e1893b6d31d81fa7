using System.Text;
using AssistBot.Bot.Tables;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Tables;

/// <summary>The one reader of import files: CSV in the encodings county PCs write, and .xlsx, with the lines a person sees.</summary>
public sealed class TableReaderTests
{
    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    [Fact]
    public void Excel_gb18030_files_and_utf8_with_bom_decode_alike()
    {
        const string text = "企业微信账号,姓名,职务,乡镇,村\nliucun,刘村干,村支书,大塘埠镇,代屋村\n";
        var gb = Gb18030.GetBytes(text);
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        Assert.Equal(text, TableReader.Decode(gb));
        Assert.Equal(text, TableReader.Decode(utf8));
    }

    [Fact]
    public void A_gb18030_csv_file_streams_with_its_chinese_intact()
    {
        var text = "贷款编号,借款人姓名,村\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"L{i},张{i},代屋村\n"));
        using var file = new MemoryStream(Gb18030.GetBytes(text));

        var rows = TableReader.Read(file, "贷款.csv").ToList();

        Assert.Equal(["贷款编号", "借款人姓名", "村"], rows[0].Fields);
        Assert.Equal(5001, rows.Count);
        Assert.Equal((5001, "张5000", "代屋村"), (rows[^1].Line, rows[^1].Fields[1], rows[^1].Fields[2]));
    }

    [Fact]
    public void Records_keep_the_line_they_start_on_even_after_multiline_fields_and_blank_lines()
    {
        var table = ImportTable.Parse("a,b\r\n1,\"x\ny\"\r\n\r\n,\n2, z \n");
        Assert.Equal([2, 6], table.Rows.Select(r => r.Line));
        Assert.Equal("x\ny", table.Get(table.Rows[0], "b"));
        Assert.Equal("z", table.Get(table.Rows[1], "b"));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_its_line() =>
        Assert.Contains("第2行", Assert.Throws<FormatException>(() => ImportTable.Parse("a,b\n1,\"oops\n")).Message);

    [Fact]
    public void Xlsx_rows_carry_the_sheet_row_numbers_excel_shows_even_after_empty_rows()
    {
        var xlsx = XlsxFile.Create(new Dictionary<int, object?[]>
        {
            [1] = ["户编号", "联系电话", "纳入日期", "金额"],
            [2] = ["H001", 13912345678L, "2024-03-01", 50000],
            [5] = ["H002", null, null, 1234.5],   // rows 3 and 4 were left empty in Excel
            [7] = ["  H003 ", "139 1234 5678"],
        });

        var rows = TableReader.Read(new MemoryStream(xlsx), "户.xlsx").ToList();

        Assert.Equal([1, 2, 5, 7], rows.Select(r => r.Line));
        Assert.Equal(["H001", "13912345678", "2024-03-01", "50000"], rows[1].Fields);
        Assert.Equal("1234.5", rows[2].Fields[3]);
        Assert.Equal("H003", rows[3].Fields[0]);
    }

    [Fact]
    public void An_xlsx_is_recognised_by_its_content_when_the_name_says_nothing()
    {
        var xlsx = XlsxFile.Create(new Dictionary<int, object?[]> { [1] = ["a", "b"], [3] = ["1", "2"] });
        var table = ImportTable.Load(new MemoryStream(xlsx));
        Assert.Equal(3, Assert.Single(table.Rows).Line);
        Assert.Equal("2", table.Get(table.Rows[0], "b"));
    }

    [Fact]
    public void Old_xls_and_broken_xlsx_files_get_a_chinese_message()
    {
        var xls = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        Assert.Contains(".xls", Assert.Throws<FormatException>(() => TableReader.Read(new MemoryStream(xls), "名单.xls").ToList()).Message);
        var broken = Encoding.UTF8.GetBytes("not a zip at all");
        Assert.Contains("打不开", Assert.Throws<FormatException>(() => TableReader.Read(new MemoryStream(broken), "名单.xlsx").ToList()).Message);
    }
}
