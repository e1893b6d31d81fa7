using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.Security;
using AssistBot.Bot.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.Privacy;

/// <summary>
/// The issue's personal-data scan, over the real service: a farmer declares over WeChat (safe mode) typing her name,
/// ID number and phone (once in free text too), staff import a loan file with her and a bad row, preview the
/// reminders and export the declarations. Everything the host logged at any level (with scopes), every span
/// attribute and metric label, and the CSV export are then searched for her ID number, phone and name: none may
/// appear unmasked.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed partial class PersonalDataScanTests(SharedRedis redis, ITestOutputHelper output)
{
    private const string AdminKey = "scan-admin-key";
    private const string Name = "欧阳秀英";

    [Fact]
    public async Task A_declaration_and_a_loan_import_leave_no_id_number_phone_or_name_in_logs_telemetry_or_exports()
    {
        var id = TestIds.Valid();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var otherId = TestIds.Valid();
        var logs = new CapturedLogs(LogLevel.Trace);
        var telemetry = new List<string>();
        using var spans = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (telemetry) telemetry.Add($"span {a.DisplayName} {string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))}");
            },
        };
        ActivitySource.AddActivityListener(spans);
        using var metrics = new MeterListener();
        metrics.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        metrics.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        metrics.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        metrics.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
        metrics.Start();

        await using var api = await FakeWeChatApi.StartAsync();
        await using var host = new WeChatTestHost(redis, api, new Dictionary<string, string?>
        {
            ["DataProtection:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Admin:ApiKey"] = AdminKey,
            ["WeChat:RateLimitMessages"] = "1000",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        }, useTestBot: false, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var platform = new WeChatPlatform(host.CreateClient());
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var openId = WeChatPlatform.NewOpenId();

        // The county imports its loans: her row and one with a wrong check digit and a short phone.
        var loans = string.Join('\n',
            "贷款编号,借款人姓名,身份证号,联系电话,乡镇,村,承贷银行,贷款金额,放款日期,到期日期,帮扶责任人",
            $"SCAN{id[^6..]},{Name},{id},{phone},大塘埠镇,代屋村,信丰农商银行,50000,2024-05-31,2027-05-31,liu.ganbu",
            $"SCANX{id[^6..]},{Name},{TestIds.WithWrongCheck(otherId)},{phone[..10]},大塘埠镇,代屋村,信丰农商银行,30000,2024-05-31,2027-05-31,liu.ganbu");
        var import = await admin.PostAsync("/admin/xinfeng/loans/import", new StringContent(loans, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        // She declares, typing her name, ID number and phone, then writes them once more in her own words.
        Assert.Contains("现在开始吗", await FarmerAsync(platform, openId, "我要申报"));
        Assert.Contains("您同意吗", await FarmerAsync(platform, openId, "1"));
        Assert.Contains("户主姓名", await FarmerAsync(platform, openId, "同意"));
        Assert.Contains("身份证号", await FarmerAsync(platform, openId, Name));
        Assert.Contains("联系电话", await FarmerAsync(platform, openId, id));
        Assert.Contains("哪个乡镇", await FarmerAsync(platform, openId, phone));
        Assert.Contains("大塘埠镇哪个村", await FarmerAsync(platform, openId, "大塘埠"));
        Assert.Contains("几口人", await FarmerAsync(platform, openId, "代屋村"));
        Assert.Contains("哪类困难", await FarmerAsync(platform, openId, "4"));
        Assert.Contains("说说情况", await FarmerAsync(platform, openId, "1"));
        Assert.Contains("纯收入", await FarmerAsync(platform, openId, $"老伴住院了，有事打{phone}找{Name}"));
        Assert.Contains("请核对", await FarmerAsync(platform, openId, "跳过"));
        var reference = Regex.Match(await FarmerAsync(platform, openId, "确认提交"), @"XF-\d{8}-\d{4}").Value;
        Assert.NotEmpty(reference);
        Assert.Contains(reference, await FarmerAsync(platform, openId, "查进度"));
        await FarmerAsync(platform, openId, $"我叫{Name}，身份证{id}，电话{phone}，小额信贷到期了怎么还");

        // What staff take out of the service.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var csv = await admin.GetStringAsync($"/admin/xinfeng/declarations.csv?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        Assert.Contains(reference, csv);
        var preview = await admin.GetStringAsync("/admin/xinfeng/reminders/preview?from=2027-04-25&days=40");
        Assert.Contains($"SCAN{id[^6..]}", preview);
        var outbox = await admin.GetStringAsync("/admin/reminders/outbox?status=pending");

        metrics.RecordObservableInstruments();
        var logged = logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();
        Assert.NotEmpty(logged);
        Assert.Contains(logged, l => l.Contains("Microsoft.AspNetCore", StringComparison.Ordinal)); // Trace really was on
        // The host's background services keep ending spans while this scans: read a copy taken under the list's lock.
        string[] recorded;
        lock (telemetry) recorded = telemetry.ToArray();
        Assert.NotEmpty(recorded);
        output.WriteLine($"scanned {logged.Count} log entries, {recorded.Length} spans/measurements, {csv.Length + preview.Length + outbox.Length} characters of exports");

        var places = new Dictionary<string, IEnumerable<string>>
        {
            ["log"] = logged,
            ["telemetry"] = recorded,
            ["declarations.csv"] = [csv],
            ["reminders preview"] = [preview],
            ["outbox"] = [outbox],
        };
        foreach (var (place, texts) in places)
            foreach (var text in texts)
            {
                var digits = DigitGlue().Replace(text, ""); // "139 1234 5678", "139-1234-5678" count too
                foreach (var (what, value) in new[] { ("ID number", id), ("ID number (first 14)", id[..14]), ("phone", phone), ("other ID", otherId[..14]), ("name", Name) })
                    Assert.False(text.Contains(value, StringComparison.Ordinal) || digits.Contains(value, StringComparison.Ordinal),
                        $"{what} in {place}: {Excerpt(text, value)}");
            }

        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var line = $"metric {instrument.Meter.Name}/{instrument.Name} {string.Join(' ', tags.ToArray().Select(t => $"{t.Key}={t.Value}"))}";
            lock (telemetry) telemetry.Add(line);
        }
    }

    private async Task<string> FarmerAsync(WeChatPlatform platform, string openId, string text)
    {
        var response = await platform.PostOaSafeAsync(WeChatPlatform.TextXml(openId, text));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var reply = body == "success" ? "" : WeChatPlatform.DecryptReply(body, TestAccounts.OaToken, TestAccounts.OaAesKey, TestAccounts.OaAppId).Element("Content")!.Value;
        output.WriteLine($"农户: {text}\n机器人: {reply}\n");
        return reply;
    }

    private static string Excerpt(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? text[..Math.Min(300, text.Length)] : text[Math.Max(0, at - 150)..Math.Min(text.Length, at + value.Length + 150)];
    }

    [GeneratedRegex(@"(?<=\d)[\s-]+(?=\d)")]
    private static partial Regex DigitGlue();
}
