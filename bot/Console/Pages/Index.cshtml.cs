using AssistBot.Bot.Cases;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole.Pages;

public sealed class IndexModel(DeclarationQueue queue, TimeProvider time, IOptions<ConsoleOptions> options) : ConsolePageModel
{
    public int Open { get; private set; }

    public int Near { get; private set; }

    public int Overdue { get; private set; }

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow();
        var rows = await queue.ListAsync(Staff, new DeclarationFilter { Status = "open" }, HttpContext.RequestAborted);
        Open = rows.Count;
        Near = rows.Count(r => DeadlineBadge.For(r, now, options.Value.WarnDays).Level == DeadlineLevel.Near);
        Overdue = rows.Count(r => DeadlineBadge.For(r, now, options.Value.WarnDays).Level == DeadlineLevel.Overdue);
    }
}
