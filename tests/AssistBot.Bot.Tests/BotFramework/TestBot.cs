using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// A small bot for protocol tests (the real router is tested through the same endpoints once merged): welcomes
/// added users with a menu, echoes messages with choices, and has words for the awkward cases.
/// </summary>
public sealed class TestBot : IBot
{
    public static readonly string[] Menu = ["政策咨询", "困难申报"];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var county = turnContext.County();
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            if (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true)
                await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(Menu, $"欢迎使用{county.Name}政策助手"), cancellationToken);
            return;
        }
        if (activity.Type != ActivityTypes.Message) return;
        switch (activity.Text)
        {
            case "出错":
                throw new InvalidOperationException("test bot failure");
            case "两条":
                await turnContext.SendActivityAsync("第一条", cancellationToken);
                await turnContext.SendActivityAsync("第二条", cancellationToken);
                return;
            case "慢":
                await turnContext.SendActivityAsync("请稍等", cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await turnContext.SendActivityAsync("查好了", cancellationToken);
                return;
            default:
                await turnContext.SendActivityAsync(
                    MessageFactory.SuggestedActions(Menu, $"{county.Name}收到：{activity.Text}", InputHints.ExpectingInput), cancellationToken);
                return;
        }
    }
}
