using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs;

/// <summary>WeChat custom-menu CLICK keys (INTEGRATION.md).</summary>
public static class MenuKeys
{
    public const string Policy = "MENU_POLICY";
    public const string Declare = "MENU_DECLARE";
    public const string Status = "MENU_STATUS";
    public const string Loan = "MENU_LOAN";
    public const string Help = "MENU_HELP";
}
