using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssistBot.Bot.StaffConsole.Pages;

/// <summary>
/// The one-time link: GET only shows a button (a link preview or a scanner must not use it up); POST uses the token
/// and signs in as the county's administrator.
/// </summary>
public sealed class SignInLinkModel(SignInLinks links, ILogger<SignInLinkModel> logger) : PageModel
{
    public bool Valid { get; private set; }

    public async Task OnGetAsync(string token) => Valid = await links.IsValidAsync(token, HttpContext.RequestAborted).ConfigureAwait(false);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await links.ConsumeAsync(token, HttpContext.RequestAborted).ConfigureAwait(false) is not { } link)
        {
            Valid = false;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var admin = StaffUser.CountyAdministrator(link.County, link.LinkId);
        await HttpContext.SignInAsync(StaffUser.Scheme, StaffUser.Principal(link.County, admin.UserId, admin.Name, StaffUser.LinkKind)).ConfigureAwait(false);
        logger.LogInformation("Console sign-in with one-time link {LinkId} for {County}", link.LinkId, link.County);
        return Redirect("/console/declarations");
    }
}
