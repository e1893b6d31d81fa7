using System.Globalization;
using AssistBot.Bot.Cli;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Cli;

/// <summary>
/// <c>reminders preview --county ID --from YYYY-MM-DD --days N [--person 账号或姓名] [--township 乡镇] [--village 村] [--json]</c>:
/// what would be sent, without sending — for the county, a township, a village or one person.
/// </summary>
/// <remarks>
/// A farmer's line ends with the route it would take if it were sent today ("[今天走 custom；跳过 subscription-long: no-consent]"):
/// the county's delivery order checked against the farmer's consent, window, quota and this month's template messages,
/// without sending or using anything up.
/// </remarks>
public sealed class PreviewRemindersCommand(ConfiguredReminderCounties counties, ReminderPreview preview, ICadreDirectory cadres,
    AssistBot.Scheduler.Delivery.OutboxDelivery? delivery = null) : ICliCommand
{
    /// <summary>Where output goes (tests capture it); the console by default.</summary>
    internal TextWriter? Output { get; set; }

    internal TextWriter? ErrorOutput { get; set; }

    private TextWriter Out => Output ?? Console.Out;

    private TextWriter Err => ErrorOutput ?? Console.Error;

    public string Name => "reminders preview";

    public string Usage => "reminders preview --county ID --from YYYY-MM-DD --days N [--person 账号或姓名] [--township 乡镇] [--village 村] [--json]   预览将要发送的提醒（不发送）";

    /// <summary>One readable line: when, kind, subject, what (duty and slot or target), to whom.</summary>
    internal static string Format(AssistBot.Scheduler.Outbox.OutboxMessage message, ReminderPreviewLine line) =>
        $"{ChinaTime.ToChina(message.DueAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} " +
        $"周{"日一二三四五六"[(int)ChinaTime.ToChina(message.DueAt).DayOfWeek]} " +
        $"{ChinaTime.ToChina(message.DueAt).ToString("HH:mm", CultureInfo.InvariantCulture)}  {line.Kind,-13} {line.Subject,-10} " +
        $"{(line.Title is null ? line.Stage : line.Title)} → " +
        $"{(line.RecipientName is null ? "" : line.RecipientName + " ")}{line.Channel}:{line.Recipient}{(line.Fallback is null ? "" : " (转 " + line.Fallback + ")")}" +
        (line.Route is null ? "" : $"  [今天走 {line.Route}{(line.Skipped is null ? "" : "；跳过 " + line.Skipped)}]");

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

        var person = CliRunner.Option(args, "--person");
        var township = CliRunner.Option(args, "--township");
        var village = CliRunner.Option(args, "--village");
        var (scope, error) = await PreviewScope.ResolveAsync(cadres, county.Id, person, township, village, cancellationToken);
        if (scope is null)
        {
            Err.WriteLine(error);
            return 2;
        }
        var messages = (await preview.ListAsync(county, from, days, cancellationToken)).Where(scope.Includes).ToList();
        var json = CliRunner.Flag(args, "--json");
        foreach (var message in messages)
        {
            var line = ReminderPreviewLine.From(message, scope);
            if (delivery is not null && message.Recipient.Channel != AssistBot.Scheduler.Outbox.OutboxRecipient.WeCom)
                line = line.WithPlan(await delivery.PlanAsync(message, cancellationToken));
            Out.WriteLine(json ? line.ToJson() : Format(message, line));
        }
        var who = person ?? (township is null && village is null ? null : $"{township}{village}");
        if (!json) Out.WriteLine($"{county.Name}{(who is null ? "" : " " + who)} {ChinaTime.FormatDate(from)}起{days}天：共 {messages.Count} 条提醒。");
        return 0;
    }
}
