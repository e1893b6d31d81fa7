using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs;

public static class RouteIds
{
    public const string Policy = "policy";
    public const string Declare = "declare";
    public const string Status = "status";
    public const string Loan = "loan";
}
