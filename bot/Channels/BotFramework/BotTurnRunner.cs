using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Runs one turn of the bot for a Bot Framework channel (Activity endpoint, Direct Line) with the
/// <see cref="BufferingBotAdapter"/> and <see cref="IBot"/> from DI, and addresses the replies as Bot Framework
/// clients expect them: <c>from</c> = the bot (role bot), <c>recipient</c> = the user (role user), <c>replyToId</c>,
/// <c>inputHint</c>.
/// </summary>
public sealed class BotTurnRunner(IServiceProvider services)
{
    /// <summary>True when the host has a bot registered (the conversation engine).</summary>
    public bool HasBot => services.GetService<TurnRunner>() is not null;

    /// <summary>
    /// Runs the turn and returns its replies, addressed. <paramref name="deliver"/>, when given, gets each reply
    /// as soon as it leaves the bot (for channels that deliver while the turn is still running); it may set the
    /// reply's id.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(County county, Activity incoming,
        Func<Activity, CancellationToken, Task>? deliver = null, CancellationToken cancellationToken = default)
    {
        var turns = services.GetService<TurnRunner>() ?? throw new BotUnavailableException();
        var result = await turns.RunAsync(incoming, county, context =>
        {
            context.TurnState.Get<TurnResult>()!.Delivering = (reply, ct) =>
            {
                Address(reply, incoming);
                return deliver is null ? Task.CompletedTask : deliver(reply, ct);
            };
        }, cancellationToken).ConfigureAwait(false);
        return result.Replies;
    }

    /// <summary>Addresses a reply to the sender of <paramref name="incoming"/>, with the roles Web Chat relies on.</summary>
    internal static void Address(Activity reply, Activity incoming)
    {
        var bot = reply.From ?? incoming.Recipient;
        reply.From = bot is null ? null : new ChannelAccount(bot.Id, bot.Name, "bot");
        var user = reply.Recipient ?? incoming.From;
        reply.Recipient = user is null ? null : new ChannelAccount(user.Id, user.Name, "user");
        reply.ChannelId ??= incoming.ChannelId;
        reply.Conversation ??= incoming.Conversation;
        reply.ServiceUrl ??= incoming.ServiceUrl;
        reply.Locale ??= incoming.Locale;
        if (reply.Type == ActivityTypes.Message) reply.InputHint ??= InputHints.AcceptingInput;
    }
}
