using System.Globalization;
using AssistBot.Bot.Cli;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Cli;

/// <summary><c>reminders preview --county ID --from YYYY-MM-DD --days N [--json]</c>: what would be sent, without sending.</summary>
public sealed class PreviewRemindersCommand(ConfiguredReminderCounties counties, ReminderPreview preview) : ICliCommand
{
    /// <summary>Where output goes (tests capture it); the console by default.</summary>
    internal TextWriter? Output { get; set; }

    internal TextWriter? ErrorOutput { get; set; }

    private TextWriter Out => Output ?? Console.Out;

    private TextWriter Err => ErrorOutput ?? Console.Error;

    public string Name => "reminders preview";

    public string Usage => "reminders preview --county ID --from YYYY-MM-DD --days N [--json]   预览将要发送的提醒（不发送）";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var countyId = CliRunner.Option(args, "--county");
        var fromText = CliRunner.Option(args, "--from");
        var daysText = CliRunner.Option(args, "--days") ?? "30";
        if (countyId is null || fromText is null)
        {
            Err.WriteLine("用法：dotnet run --project bot -- " + Usage);
            return 2;
        }
        if (counties.Find(countyId) is not { } county)
        {
            Err.WriteLine($"未配置的县：{countyId}（可用：{string.Join("、", counties.All.Select(c => c.Id))}）");
            return 2;
        }
        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            Err.WriteLine($"--from 应为 YYYY-MM-DD：{fromText}");
            return 2;
        }
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366)
        {
            Err.WriteLine($"--days 应为 1–366 的整数：{daysText}");
            return 2;
        }

        var messages = await preview.ListAsync(county, from, days, cancellationToken);
        var json = CliRunner.Flag(args, "--json");
        foreach (var message in messages)
        {
            var line = ReminderPreviewLine.From(message);
            Out.WriteLine(json
                ? line.ToJson()
                : $"{ChinaTime.ToChina(message.DueAt):yyyy-MM-dd HH:mm}  {line.Kind,-16} {line.Stage,-14} {line.Subject,-12} " +
                  $"{line.Channel}:{line.Recipient}{(line.Fallback is null ? "" : " (转 " + line.Fallback + ")")}");
        }
        if (!json) Out.WriteLine($"{county.Name} {ChinaTime.FormatDate(from)}起{days}天：共 {messages.Count} 条提醒。");
        return 0;
    }
}
