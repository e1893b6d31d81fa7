using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace AssistBot.Bot.Tables;

/// <summary>
/// The one reader of the files county staff import (cadre roster, households, sites, loans): CSV (RFC 4180 quoting,
/// via Sep; UTF-8 with or without BOM, or GB18030 as Excel on Chinese Windows saves it) or .xlsx (the first sheet, via
/// MiniExcel). Rows come with the line a person sees in the file or in Excel, blank rows skipped, so every bad row
/// can be reported by its line. Streams: a million-row file is never held in memory.
/// </summary>
public static class TableReader
{
    /// <summary>How many leading bytes decide between UTF-8 and GB18030 (the header row alone is enough: it is Chinese).</summary>
    private const int SniffBytes = 64 * 1024;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>
    /// Reads a CSV or .xlsx file: .xlsx when <paramref name="fileName"/> ends in .xlsx or the content is a zip
    /// package, CSV otherwise. Throws <see cref="FormatException"/> with a Chinese message (an unclosed quote and its
    /// line, an old .xls file, an .xlsx that cannot be opened).
    /// </summary>
    public static IEnumerable<TableRow> Read(Stream stream, string? fileName = null)
    {
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        var head = new byte[4];
        var read = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        seekable.Position -= read;
        if (head.AsSpan(0, read).SequenceEqual(OleMagic))
            throw new FormatException("这是旧版 Excel（.xls）文件，请在 Excel 里“另存为” .xlsx 或 CSV 后再导入。");
        var xlsx = fileName?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true || head.AsSpan(0, read).SequenceEqual(ZipMagic);
        return xlsx ? ReadXlsx(seekable) : ReadCsv(OpenText(seekable));
    }

    /// <summary>Reads CSV text (the first record is usually the header).</summary>
    public static IEnumerable<TableRow> ReadCsv(string text) => ReadCsv(new StringReader(text.TrimStart('\uFEFF')));

    /// <summary>Reads CSV from a reader; an unclosed quote throws <see cref="FormatException"/> naming the line it opened on.</summary>
    public static IEnumerable<TableRow> ReadCsv(TextReader reader)
    {
        using var sep = Sep.Reader(o => o with
        {
            Sep = new Sep(','),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(reader);
        foreach (var row in sep)
        {
            // Sep numbers the first row after peeking at it; it always starts on line 1.
            var line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            // A quote Sep never saw closed runs to the end of the file, so its row has an odd number of quotes.
            if (row.Span.Count('"') % 2 != 0) throw new FormatException($"第{line}行：引号没有闭合。");
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                var text = row[i].ToString().Trim();
                fields[i] = i == 0 && line == 1 ? text.TrimStart('\uFEFF').Trim() : text;
            }
            var table = new TableRow(line, fields);
            if (!table.IsBlank) yield return table;
        }
    }

    /// <summary>
    /// A reader over CSV bytes in UTF-8 (BOM or not) or GB18030: strict UTF-8 over the first bytes decides; Excel on
    /// Chinese Windows writes GB18030, which is never valid UTF-8 once a Chinese character appears.
    /// </summary>
    public static TextReader OpenText(Stream stream)
    {
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        var start = seekable.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(SniffBytes);
        try
        {
            var read = seekable.ReadAtLeast(buffer.AsSpan(0, SniffBytes), SniffBytes, throwOnEndOfStream: false);
            seekable.Position = start;
            var utf8 = IsUtf8(buffer.AsSpan(0, read), final: read < SniffBytes);
            return new StreamReader(seekable, utf8 ? new UTF8Encoding(false) : Gb18030, detectEncodingFromByteOrderMarks: utf8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes a whole CSV file held in memory (UTF-8 with or without BOM, else GB18030).</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = OpenText(new MemoryStream(bytes, writable: false));
        return reader.ReadToEnd().TrimStart('\uFEFF');
    }

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool final)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: final);
            // NeedMoreData: the sniffed block ends inside a character, which is fine.
            return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static IEnumerable<TableRow> ReadXlsx(Stream stream)
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw NotAnXlsx(e);
        }
        using (rows)
        {
            // MiniExcel yields every row from row 1 on, empty ones included, so the count is the sheet's row number.
            for (var line = 1; ; line++)
            {
                try
                {
                    if (!rows.MoveNext()) yield break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw NotAnXlsx(e);
                }
                var cells = (IDictionary<string, object?>)rows.Current;
                var row = new TableRow(line, cells.Values.Select(Cell).ToArray());
                if (!row.IsBlank) yield return row;
            }
        }
    }

    private static FormatException NotAnXlsx(Exception e) =>
        new("这个 .xlsx 文件打不开（可能已损坏或不是 Excel 文件），请在 Excel 里重新保存，或另存为 CSV 后导入。", e);

    /// <summary>An Excel cell as the text a person sees: dates as yyyy-MM-dd, whole numbers without ".0" or exponent.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e17 => n.ToString("0", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
