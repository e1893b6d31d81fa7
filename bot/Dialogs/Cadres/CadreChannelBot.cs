using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Dialogs.Cadres;

/// <summary>
/// The cadres' front on WeCom (channelId "wecom"): every message is a command for <see cref="CadreCommandHandler"/>
/// (待办, 详情, 受理 … or a menu number), answered with the numbered cadre menu. Cadre commands are stateless, so they
/// bypass the farmers' router and dialogs; every other channel goes to the wrapped bot unchanged.
/// </summary>
public sealed class CadreChannelBot(IBot inner, CadreCommandHandler cadres, ILogger<CadreChannelBot> logger) : IBot
{
    public IBot Inner => inner;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId != Channels.WeCom)
        {
            await inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }
        string? text = activity.Type switch
        {
            ActivityTypes.Message => activity.Text ?? "",
            ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true => "",
            ActivityTypes.Event when activity.Name == "menuClick" => activity.Value?.ToString() switch
            {
                "CADRE_PENDING" => "待办",
                _ => "",
            },
            _ => null,
        };
        if (text is null) return;
        var userId = activity.From?.Id ?? "";
        var reply = await cadres.HandleAsync(turnContext.County().Id, userId, text, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Cadre command handled for a WeCom user in {County}", turnContext.County().Id);
        await turnContext.SendActivityAsync(reply.Choices.Count > 0
            ? MessageFactory.SuggestedActions(reply.Choices, reply.Text)
            : MessageFactory.Text(reply.Text), cancellationToken).ConfigureAwait(false);
    }
}
