using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge;
using AssistBot.Bot.Knowledge.Review;
using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages.Questions;

/// <summary>
/// 问答: the questions the bot missed (grouped), "try a question" with how the bot reads it, attach a wording to an
/// entry, the change log with undo. County staff only: these change what the bot tells every farmer in the county.
/// </summary>
public sealed class QuestionsModel(
    MissedQuestionStore missed,
    PackEditor editor,
    PackRegistry registry,
    PolicyAnswerer answerer,
    Counties counties,
    ConsoleAuditLog audit,
    TimeProvider time) : ConsolePageModel
{
    public const int Days = 90;

    public IReadOnlyList<MissedQuestionGroup> Groups { get; private set; } = [];

    public IReadOnlyList<KnowledgeChange> Changes { get; private set; } = [];

    public IReadOnlyList<PolicyEntry> Entries { get; private set; } = [];

    public string? Try { get; private set; }

    public PolicyAnswer? TryAnswer { get; private set; }

    public IReadOnlyList<string> TryLines { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    private string PackId => counties.TryGet(Staff.CountyId, out var c) ? c.Pack : "";

    protected override bool CountyOnly => true;

    public async Task OnGetAsync(string? q) => await LoadAsync(q).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAttachAsync(string? key, string? question, string? entryId)
    {
        var ct = HttpContext.RequestAborted;
        string? text = question;
        if (!string.IsNullOrEmpty(key)) text = (await missed.GetAsync(Staff.CountyId, key, ct).ConfigureAwait(false))?.Text;
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrEmpty(entryId))
        {
            Problems = ["请选一个问题和一个条目。"];
            await LoadAsync(null).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await editor.AttachQuestionAsync(Staff.CountyId, PackId, entryId, text, key, Staff.ActorId, ct).ConfigureAwait(false);
        return await AfterEditAsync(result, text).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostUndoAsync(string? changeId)
    {
        var ct = HttpContext.RequestAborted;
        var result = await editor.UndoAsync(Staff.CountyId, changeId ?? "", Staff.ActorId, ct).ConfigureAwait(false);
        if (result.Change is { } change)
        {
            if (change.MissedKey is { } key) await missed.SetHandledAsync(Staff.CountyId, key, null, null, ct).ConfigureAwait(false);
            await audit.RecordAsync(Staff.CountyId, Staff.ActorId, "撤销知识包修改", change.EntryId, change.Question, ct).ConfigureAwait(false);
            TempData["Message"] = $"已撤销：{change.EntryId} 恢复原样。";
            return Redirect("/console/questions");
        }
        Problems = result.Problems;
        await LoadAsync(null).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    internal async Task<IActionResult> AfterEditAsync(PackEditResult result, string text)
    {
        var ct = HttpContext.RequestAborted;
        if (result.Change is { } change)
        {
            if (change.MissedKey is { } key) await missed.SetHandledAsync(Staff.CountyId, key, change.EntryId, Staff.ActorId, ct).ConfigureAwait(false);
            await audit.RecordAsync(Staff.CountyId, Staff.ActorId, change.Kind == "new" ? "新建知识条目" : "问法归入条目", change.EntryId, change.Question, ct).ConfigureAwait(false);
            TempData["Message"] = change.Kind == "new" ? $"已新建条目 {change.EntryId}，马上生效。" : $"已把“{change.Question}”归入 {change.EntryId}，马上生效。";
            return Redirect("/console/questions?q=" + Uri.EscapeDataString(text));
        }
        Problems = result.Problems;
        await LoadAsync(null).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string OutcomeLabel(PolicyOutcome outcome) => outcome switch
    {
        PolicyOutcome.Answer => "能回答",
        PolicyOutcome.Clarify => "要追问是哪项政策",
        _ => "答不上",
    };

    private async Task LoadAsync(string? q)
    {
        var ct = HttpContext.RequestAborted;
        var now = time.GetUtcNow();
        Groups = MissedQuestionGroup.Group(await missed.ListAsync(Staff.CountyId, now.AddDays(-Days), now.AddMinutes(1), 1000, ct).ConfigureAwait(false));
        Changes = await editor.ListAsync(Staff.CountyId, 30, ct).ConfigureAwait(false);
        Entries = registry.Current.TryGet(PackId, out var knowledge) ? knowledge.Pack.Entries.OrderBy(e => e.Title, StringComparer.Ordinal).ToList() : [];
        if (!string.IsNullOrWhiteSpace(q))
        {
            Try = MissedQuestionStore.Clean(q);
            TryAnswer = answerer.Answer(PackId, Try, PolicyContext.None);
            TryLines = ExplainText.Lines(TryAnswer, PolicyContext.None).ToList();
        }
    }
}
