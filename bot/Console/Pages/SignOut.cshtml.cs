using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages;

public sealed class SignOutModel : ConsolePageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffUser.Scheme).ConfigureAwait(false);
        return Redirect("/console/signin");
    }
}
