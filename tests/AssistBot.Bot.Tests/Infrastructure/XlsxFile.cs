using System.IO.Compression;
using System.Security;
using System.Text;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// Writes a minimal .xlsx the way Excel stores a sheet: only rows that have content, each with its row number
/// (<c>&lt;row r="5"&gt;</c>), text in shared strings, numbers as numbers. Lets a test place bad rows after gaps.
/// </summary>
public static class XlsxFile
{
    /// <param name="rows">Sheet row number (1-based) → cells from column A; a cell is a string, a number or null.</param>
    public static byte[] Create(IReadOnlyDictionary<int, object?[]> rows)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        foreach (var (number, cells) in rows.OrderBy(r => r.Key))
        {
            sheet.Append($"<row r=\"{number}\">");
            for (var c = 0; c < cells.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{number}";
                switch (cells[c])
                {
                    case null:
                        break;
                    case string text:
                        strings.Add(text);
                        sheet.Append($"<c r=\"{reference}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                    case IFormattable n:
                        sheet.Append($"<c r=\"{reference}\"><v>{n.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\" uniqueCount=\"{strings.Count}\">");
        foreach (var text in strings) shared.Append($"<si><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></si>");
        shared.Append("</sst>");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            const string header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
            Add("[Content_Types].xml", header +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
                "</Types>");
            Add("_rels/.rels", header +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
                "</Relationships>");
            Add("xl/workbook.xml", header +
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", header +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" +
                "</Relationships>");
            Add("xl/worksheets/sheet1.xml", sheet.ToString());
            Add("xl/sharedStrings.xml", shared.ToString());
        }
        return buffer.ToArray();
    }
}
