using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Dialogs.Cadres;

/// <summary>
/// The cadres' front on WeCom (channelId "wecom"): every message is a command for <see cref="CadreCommandHandler"/>
/// (待办, 详情, 受理 … or a menu number), answered with the numbered cadre menu. Cadre commands are stateless, so they
/// bypass the farmers' router and dialogs; every other channel goes to the wrapped bot unchanged.
/// </summary>
/// <remarks>
/// A click on a task card (event "cardClick") goes to <see cref="Cards.CadreCardActions"/>, which does what the typed
/// command does; after a 不纳入 click the next message is taken as the reason.
/// </remarks>
public sealed class CadreChannelBot(IBot inner, CadreCommandHandler cadres, ILogger<CadreChannelBot> logger,
    Cards.CadreCardActions? cardActions = null) : IBot
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
        var county = turnContext.County().Id;
        var user = activity.From?.Id ?? "";
        if (cardActions is not null && activity.Type == ActivityTypes.Event && activity.Name == WeChat.WeChatActivityMapper.CardClickEvent
            && activity.Value is { } value)
        {
            var click = System.Text.Json.JsonSerializer.Deserialize(value, WeChat.CardClickJson.Default.CardClick);
            if (click is null) return;
            var answer = await cardActions.HandleClickAsync(county, user, click, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(MessageFactory.Text(answer), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (cardActions is not null && activity.Type == ActivityTypes.Message
            && await cardActions.TryTakeReasonAsync(county, user, activity.Text ?? "", cancellationToken).ConfigureAwait(false) is { } reasoned)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(reasoned), cancellationToken).ConfigureAwait(false);
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
