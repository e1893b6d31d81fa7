using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Web.Tests;

/// <summary>Answers only while the service has no bot of its own: a welcome menu and an echo.</summary>
public sealed class StandInBot : IBot
{
    private static readonly string[] Menu = ["政策咨询", "困难申报", "查进度", "贷款还款", "帮助"];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
            await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(Menu, $"您好，这里是{turnContext.County().Name}乡村振兴政策助手。请选择："), cancellationToken);
        else if (activity.Type == ActivityTypes.Message)
            await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(Menu, $"您问的是：{activity.Text}"), cancellationToken);
    }
}
