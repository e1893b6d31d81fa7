using AssistBot.Bot.Reminders;
using System.CommandLine;
using System.Globalization;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Time;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cli;

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
    AssistBot.Scheduler.Delivery.OutboxDelivery? delivery = null) : CliVerb
{
    /// <summary>Where output goes (tests capture it); the console by default.</summary>
    internal TextWriter? Output { get; set; }

    internal TextWriter? ErrorOutput { get; set; }

    private TextWriter Out => Output ?? Console.Out;

    private TextWriter Err => ErrorOutput ?? Console.Error;

    private readonly Option<string> _county = new("--county") { Description = "县的编号，例如 xinfeng", Required = true, HelpName = "ID" };

    private readonly Option<string> _from = new("--from") { Description = "从哪天起（YYYY-MM-DD，北京时间）", Required = true, HelpName = "YYYY-MM-DD" };

    private readonly Option<string> _days = new("--days") { Description = "看几天（1–366）", DefaultValueFactory = _ => "30", HelpName = "N" };

    private readonly Option<string> _person = new("--person") { Description = "只看一个人：企业微信账号或名单上的姓名", HelpName = "账号或姓名" };

    private readonly Option<string> _township = new("--township") { Description = "只看一个乡镇", HelpName = "乡镇" };

    private readonly Option<string> _village = new("--village") { Description = "只看一个村", HelpName = "村" };

    private readonly Option<bool> _json = new("--json") { Description = "每条一行 JSON" };

    public override string Name => "reminders preview";

    public override string Description => "预览将要发送的提醒（不发送）：全县、一个乡镇、一个村或一个人";

    public override void Configure(Command command)
    {
        foreach (var option in new Option[] { _county, _from, _days, _person, _township, _village, _json }) command.Options.Add(option);
    }

    /// <summary>One readable line: when, kind, subject, what (duty and slot or target), to whom.</summary>
    internal static string Format(AssistBot.Scheduler.Outbox.OutboxMessage message, ReminderPreviewLine line) =>
        $"{ChinaTime.ToChina(message.DueAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} " +
        $"周{"日一二三四五六"[(int)ChinaTime.ToChina(message.DueAt).DayOfWeek]} " +
        $"{ChinaTime.ToChina(message.DueAt).ToString("HH:mm", CultureInfo.InvariantCulture)}  {line.Kind,-13} {line.Subject,-10} " +
        $"{(line.Title is null ? line.Stage : line.Title)} → " +
        $"{(line.RecipientName is null ? "" : line.RecipientName + " ")}{line.Channel}:{line.Recipient}{(line.Fallback is null ? "" : " (转 " + line.Fallback + ")")}" +
        (line.Route is null ? "" : $"  [今天走 {line.Route}{(line.Skipped is null ? "" : "；跳过 " + line.Skipped)}]");

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var countyId = parse.GetRequiredValue(_county);
        var fromText = parse.GetRequiredValue(_from);
        var daysText = parse.GetValue(_days) ?? "30";
        if (counties.Find(countyId) is not { } county)
        {
            Err.WriteLine($"未配置的县：{countyId}（可用：{string.Join("、", counties.All.Select(c => c.Id))}）");
            return 2;
        }
        if (!IsoDate.TryParse(fromText, out var from))
        {
            Err.WriteLine($"--from 应为 YYYY-MM-DD：{fromText}");
            return 2;
        }
        if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366)
        {
            Err.WriteLine($"--days 应为 1–366 的整数：{daysText}");
            return 2;
        }

        var person = parse.GetValue(_person);
        var township = parse.GetValue(_township);
        var village = parse.GetValue(_village);
        var (scope, error) = await PreviewScope.ResolveAsync(cadres, county.Id, person, township, village, cancellationToken).ConfigureAwait(false);
        if (scope is null)
        {
            Err.WriteLine(error);
            return 2;
        }
        var messages = (await preview.ListAsync(county, from, days, cancellationToken).ConfigureAwait(false)).Where(scope.Includes).ToList();
        var json = parse.GetValue(_json);
        foreach (var message in messages)
        {
            var line = ReminderPreviewLine.From(message, scope);
            if (delivery is not null && message.Recipient.Channel != AssistBot.Scheduler.Outbox.OutboxRecipient.WeCom)
                line = line.WithPlan(await delivery.PlanAsync(message, cancellationToken).ConfigureAwait(false));
            Out.WriteLine(json ? line.ToJson() : Format(message, line));
        }
        var who = person ?? (township is null && village is null ? null : $"{township}{village}");
        if (!json) Out.WriteLine($"{county.Name}{(who is null ? "" : " " + who)} {ChinaTime.FormatDate(from)}起{days}天：共 {messages.Count} 条提醒。");
        return 0;
    }
}
