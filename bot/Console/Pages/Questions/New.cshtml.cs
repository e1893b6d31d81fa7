using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge.Review;
using AssistBot.Knowledge.Packs;
using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages.Questions;

/// <summary>A new entry drafted from a missed question: validated like <c>knowledge check</c>, live at once, or rejected with the validator's words.</summary>
public sealed class NewEntryModel(MissedQuestionStore missed, PackEditor editor, PackRegistry registry, Counties counties,
    ConsoleAuditLog audit) : ConsolePageModel
{
    protected override bool CountyOnly => true;

    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public List<string> Aspects { get; set; } = [];
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Source { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public IReadOnlyList<string> AspectChoices { get; private set; } = [];

    private string PackId => counties.TryGet(Staff.CountyId, out var c) ? c.Pack : "";

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrEmpty(Key)) Question = (await missed.GetAsync(Staff.CountyId, Key, HttpContext.RequestAborted).ConfigureAwait(false))?.Text;
        LoadChoices();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await editor.CreateEntryAsync(Staff.CountyId, PackId,
            new EntryDraft(Title ?? "", Answer ?? "", Source ?? "", Topic ?? "", Aspects, Question ?? ""),
            string.IsNullOrEmpty(Key) ? null : Key, Staff.ActorId, HttpContext.RequestAborted).ConfigureAwait(false);
        if (result.Change is { } change)
        {
            if (change.MissedKey is { } key) await missed.SetHandledAsync(Staff.CountyId, key, change.EntryId, Staff.ActorId, HttpContext.RequestAborted).ConfigureAwait(false);
            await audit.RecordAsync(Staff.CountyId, Staff.ActorId, "新建知识条目", change.EntryId, change.Question, HttpContext.RequestAborted).ConfigureAwait(false);
            TempData["Message"] = $"已新建条目 {change.EntryId}，马上生效。";
            return Redirect("/console/questions?q=" + Uri.EscapeDataString(change.Question));
        }
        Problems = result.Problems;
        LoadChoices();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void LoadChoices()
    {
        if (!registry.Current.TryGet(PackId, out var knowledge)) return;
        Topics = knowledge.Vocabulary.Topics.Select(t => t.Id).ToList();
        AspectChoices = knowledge.Vocabulary.Aspects.Select(a => a.Id).ToList();
    }
}
