using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssistBot.Bot.StaffConsole.Pages;

/// <summary>
/// Every signed-in console page: the staff member is read fresh from the roster before any handler runs (someone
/// taken off the roster is signed out at once), and a page checks their area itself before showing or changing a case.
/// </summary>
public abstract class ConsolePageModel : PageModel
{
    public StaffUser Staff { get; private set; } = null!;

    /// <summary>Pages that change what the bot tells the whole county (问答, 导入) are for county staff only.</summary>
    protected virtual bool CountyOnly => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var resolver = HttpContext.RequestServices.GetRequiredService<StaffUserResolver>();
        var staff = await resolver.ResolveAsync(User, HttpContext.RequestAborted).ConfigureAwait(false);
        if (staff is null)
        {
            await HttpContext.SignOutAsync(StaffUser.Scheme).ConfigureAwait(false);
            context.Result = new RedirectResult("/console/signin?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
            return;
        }
        Staff = staff;
        if (CountyOnly && staff.Role != StaffRole.County)
        {
            context.Result = ForbiddenPage(ConsoleTexts.CountyOnly);
            return;
        }
        await next().ConfigureAwait(false);
    }

    /// <summary>403 with a short page (not a redirect): the URL exists, this person may not see it.</summary>
    protected IActionResult ForbiddenPage(string message) => new ContentResult
    {
        StatusCode = StatusCodes.Status403Forbidden,
        ContentType = "text/html; charset=utf-8",
        Content = ConsoleMessagePage.Render("无权查看", message, "/console/declarations", "回到申报列表"),
    };

    protected IActionResult NotFoundPage(string message) => new ContentResult
    {
        StatusCode = StatusCodes.Status404NotFound,
        ContentType = "text/html; charset=utf-8",
        Content = ConsoleMessagePage.Render("没有找到", message, "/console/declarations", "回到申报列表"),
    };
}
