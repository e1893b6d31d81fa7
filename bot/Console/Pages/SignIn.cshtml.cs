using AssistBot.Bot.Hosting;
using AssistBot.Bot.WeChat;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssistBot.Bot.StaffConsole.Pages;

public sealed class SignInModel(Counties counties) : PageModel
{
    public IReadOnlyList<County> Counties { get; private set; } = [];

    public string ReturnUrl { get; private set; } = "/console";

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = WeComSignIn.LocalOnly(returnUrl);
        Counties = counties.All.Where(c => WeComApiClient.IsConfigured(c.Options.WeCom)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }
}
