using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages.Reminders;

/// <summary>提醒: what went out today and this month by kind and route, failures with reasons, and the call list.</summary>
public sealed class RemindersModel(ReminderReport report, TimeProvider time) : ConsolePageModel
{
    public ReminderTotals Today { get; private set; } = null!;

    public ReminderTotals Month { get; private set; } = null!;

    public DateOnly Day { get; private set; }

    public IReadOnlyList<CallListRow> CallList { get; private set; } = [];

    /// <summary>The county's reminders claimed by a sweep and not yet made into messages (待发（未展开）).</summary>
    public long Unexpanded { get; private set; }

    public async Task OnGetAsync(DateOnly? day)
    {
        var ct = HttpContext.RequestAborted;
        var today = time.Today();
        Day = day ?? today;
        var start = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var monthStart = new DateTimeOffset(new DateTime(today.Year, today.Month, 1), ChinaTime.Offset);
        Today = await report.TotalsAsync(Staff, start, start.AddDays(1), ct).ConfigureAwait(false);
        Month = await report.TotalsAsync(Staff, monthStart, monthStart.AddMonths(1), ct).ConfigureAwait(false);
        CallList = await report.CallListAsync(Staff, Day, ct).ConfigureAwait(false);
        Unexpanded = await report.UnexpandedAsync(Staff, ct).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostHandledAsync(string id, string? note, DateOnly? day)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : PersonalDataMask.Text(note.Trim());
        if (!await report.MarkHandledAsync(Staff, id ?? "", note is { Length: > 100 } ? note[..100] : note, HttpContext.RequestAborted).ConfigureAwait(false))
            return ForbiddenPage("这条提醒不在您负责的范围内。");
        TempData["Message"] = "已标记为已处理。";
        return Redirect("/console/reminders" + (day is { } d ? $"?day={d:yyyy-MM-dd}" : ""));
    }

    public async Task<IActionResult> OnPostResendAsync(string id, DateOnly? day)
    {
        if (!await report.ResendAsync(Staff, id ?? "", HttpContext.RequestAborted).ConfigureAwait(false)) return ForbiddenPage("这条提醒不在您负责的范围内。");
        TempData["Message"] = "已重新发送，稍后可在这里查看结果。";
        return Redirect("/console/reminders" + (day is { } d ? $"?day={d:yyyy-MM-dd}" : ""));
    }

    public static string KindLabel(string kind) => kind switch
    {
        "declaration-new" => "新申报",
        "declaration-status" => "申报进度",
        _ when kind.StartsWith("loan", StringComparison.Ordinal) => "贷款还款",
        _ when kind.StartsWith("duty", StringComparison.Ordinal) || kind.StartsWith("cadence", StringComparison.Ordinal) => "干部工作",
        _ when kind.StartsWith("window", StringComparison.Ordinal) => "申请窗口",
        _ => kind,
    };

    /// <summary>The scheduler's skip reasons in words; anything else (an errcode and message) as it came.</summary>
    public static string ReasonLabel(string? reason) => reason switch
    {
        null => "还没送出",
        "no-consent" => "没有订阅授权",
        "window-closed" => "超过 48 小时没互动，客服消息发不了",
        "quota-used" => "本月额度已用完",
        "template-monthly-limit" => "模板消息本月次数已满",
        "not-bound" => "没有绑定公众号",
        "unsubscribed" => "已退订",
        "not-configured" => "本县公众号还没配置",
        "not-applicable" => "这种提醒不走这条路",
        _ => reason,
    };

    public static string RouteLabel(string route) => route switch
    {
        "wechat:custom" => "公众号客服消息",
        "wechat:template" => "公众号模板消息",
        "wechat:subscribe" or "wechat:bizsend" => "公众号订阅通知",
        "wecom:fallback" => "企业微信（转干部）",
        _ when route.StartsWith("wecom", StringComparison.Ordinal) => "企业微信",
        _ => route,
    };
}
