using System.Text;
using AssistBot.Bot.Reminders.Loans;
using AssistBot.Bot.Tables;
using BenchmarkDotNet.Attributes;

namespace AssistBot.Benchmarks;

/// <summary>
/// Reading and checking a loan file as <c>import loans</c> does, without storage: 100,000 rows of CSV (UTF-8 and
/// GB18030 as Excel on Chinese Windows writes it) through <see cref="TableReader"/> (Sep) and <see cref="LoanFile"/>
/// (ID checksum, dates, amount). Per benchmark: one whole file.
/// </summary>
[MemoryDiagnoser]
public class LoanFileBenchmarks
{
    private const int Rows = 100_000;
    private byte[] _utf8 = [];
    private byte[] _gb18030 = [];

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder(string.Join(',', LoanFile.Columns)).Append('\n');
        for (var i = 0; i < Rows; i++)
            csv.Append($"XF{i:D8},张{i % 1000},360722197803121018,139{i % 100_000_000:D8},大塘埠镇,代屋村,信丰农商银行,50000,2021-05-31,2024-05-31,liu.ganbu\n");
        _utf8 = Encoding.UTF8.GetBytes(csv.ToString());
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _gb18030 = Encoding.GetEncoding("GB18030").GetBytes(csv.ToString());
    }

    [Benchmark]
    public int Utf8Csv() => Count(_utf8);

    [Benchmark]
    public int Gb18030Csv() => Count(_gb18030);

    private static int Count(byte[] file)
    {
        var ok = 0;
        foreach (var row in LoanFile.Read(TableReader.Read(new MemoryStream(file), "loans.csv"), new DateOnly(2026, 1, 1)))
            if (row.Error is null) ok++;
        if (ok != Rows) throw new InvalidOperationException($"{ok} of {Rows} rows read");
        return ok;
    }
}
