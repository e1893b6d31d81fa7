using System.Text.RegularExpressions;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Text;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// The reminder commands of cadres on WeCom, stateless like the rest of the cadre front: "确认还款 编号",
/// "我的任务"/"待走访" (a numbered list, kept a day) and "已完成 编号|序号|工作编号 [备注]" ("已走访" works too).
/// </summary>
public sealed partial class ReminderCadreCommands(LoanStore loans, DutyDesk duties, IDocumentStore storage) : ICadreCommandExtension
{
    private static readonly TimeSpan ListLifetime = TimeSpan.FromDays(1);

    private sealed record ListedDuty(string Subject, string Duty);

    private static string ListKey(string county, string userId) => $"reminders/{county}/duty-list/{userId}";

    public Task<CadreReply?> TryHandleAsync(string countyId, Cadre cadre, string text, CancellationToken cancellationToken) =>
        HandleAsync(countyId, cadre.UserId, text, cancellationToken);

    /// <summary>The reply to a reminder command, or null when the text is not one.</summary>
    public async Task<CadreReply?> HandleAsync(string countyId, string userId, string text, CancellationToken cancellationToken)
    {
        text = Fold(text);
        if (ConfirmRepaid().Match(text) is { Success: true } confirm)
        {
            var number = confirm.Groups[1].Value;
            if (number.Length == 0) return Reply(ReminderChatTexts.RepaymentConfirmUsage);
            var loan = await loans.ConfirmRepaidAsync(countyId, number, userId, cancellationToken).ConfigureAwait(false);
            return Reply(loan is null ? ReminderChatTexts.LoanNotFound(LoanStore.Normalize(number))
                : ReminderChatTexts.RepaymentConfirmed(loan.LoanNumber, loan.BorrowerName));
        }

        if (ParseVisit(text) is { } visit)
        {
            string? dutyId = null;
            var (subject, note) = visit;
            if (ListNumber(ref subject, ref note) is { } index)
            {
                // "已完成 2" / "已完成 第二个": that line of the cadre's last "我的任务" list.
                var listed = (await storage.ReadAsync<List<ListedDuty>>(ListKey(countyId, userId), cancellationToken).ConfigureAwait(false))?.Value;
                if (listed is null || index < 1 || index > listed.Count) return Reply(ReminderChatTexts.NoSuchListNumber(index));
                (subject, dutyId) = (listed[index - 1].Subject, listed[index - 1].Duty);
            }
            else if (subject.Length == 0) return Reply(ReminderChatTexts.VisitUsage);
            return Reply(await duties.RecordVisitAsync(countyId, subject, dutyId, userId, note, cancellationToken).ConfigureAwait(false));
        }

        if (DutyListWords.Contains(Compact(text)))
        {
            var items = await duties.DueForCadreAsync(countyId, userId, cancellationToken).ConfigureAwait(false);
            var shown = items.Take(20).ToList();
            await storage.WriteAsync(ListKey(countyId, userId), shown.Select(i => new ListedDuty(i.Subject.SubjectId, i.Duty.Id)).ToList(),
                WriteCondition.Always, ListLifetime, cancellationToken).ConfigureAwait(false);
            return Reply(shown.Count == 0 ? ReminderChatTexts.NoDutiesDue
                : ReminderChatTexts.DutyList(shown.Select(i => (i.Duty, i.Subject, i.Due)).ToList(), items.Count));
        }
        return null;
    }

    private static readonly HashSet<string> DutyListWords = ["待走访", "走访任务", "我的走访", "走访清单", "待走访清单", "我的任务", "工作任务", "待完成"];

    private static CadreReply Reply(string text) => new(text, []);

    private static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());

    /// <summary>
    /// "已完成 H001 家中无异常" (or "已走访 …") → (H001, 家中无异常); a role duty's id is matched
    /// without regard to case ("已完成 county-review"). Null when the text is not that command.
    /// </summary>
    public static (string Subject, string? Note)? ParseVisit(string text)
    {
        if (Visited().Match(Fold(text)) is not { Success: true } match) return null;
        var note = match.Groups[2].Value.Trim();
        return (match.Groups[1].Value.ToUpperInvariant(), note.Length == 0 ? null : note);
    }

    public static bool IsCadreCommand(string text)
    {
        var folded = Fold(text);
        return ConfirmRepaid().IsMatch(folded) || Visited().IsMatch(folded) || DutyListWords.Contains(Compact(folded));
    }

    /// <summary>Full-width to half-width, trimmed; keeps the spaces that separate a number from a note.</summary>
    private static string Fold(string text) => TextNormalizer.FoldWidth(text);

    /// <summary>
    /// The list number a visit names, read like every numbered choice ("2", "二", "第二个"): a one- or two-character
    /// subject ("已完成 2"), or the first word after the command when no work number came first ("已完成 第二个 家里都好",
    /// whose note is then the rest). Null when the visit names a work number or role duty instead.
    /// </summary>
    private static int? ListNumber(ref string subject, ref string? note)
    {
        if (subject.Length is > 0 and <= 2) return ChoiceRecognizer.ParseIndex(subject);
        if (subject.Length > 0 || note is null) return null;
        var words = note.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ChoiceRecognizer.ParseIndex(TextNormalizer.Clean(words[0])) is not { } index) return null;
        note = words.Length > 1 ? words[1] : null;
        return index;
    }

    [GeneratedRegex(@"^确认还款[\s:：,，]*([A-Za-z0-9\-]*)\s*$")]
    private static partial Regex ConfirmRepaid();

    [GeneratedRegex(@"^(?:已走访|已完成)[\s:：,，]*([A-Za-z0-9_\-]*)[\s:：,，]*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Visited();
}
