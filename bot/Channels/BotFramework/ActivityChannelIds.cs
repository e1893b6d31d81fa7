using AssistBot.Bot.Conversation.Schema;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Identity belongs to the channel that authenticated it. The channel ids AssistBot's own endpoints vouch for
/// (<c>wechat</c>, <c>wecom</c>, <c>directline</c>, and the in-process <c>console</c> and <c>test</c>) mean "this
/// openid / UserId / token user was verified by us"; an activity that arrives on <c>/api/messages</c> naming one of
/// them was verified by nobody here (a Bot Framework channel, e.g. Azure's Direct Line, or the Emulator). Its channel
/// id is therefore rewritten to <c>bf-{id}</c> for the bot, so nothing that decides who is asking mistakes it for ours,
/// and restored on the replies, so the connector sees the channel id it sent.
/// </summary>
internal static class ActivityChannelIds
{
    public const string ForeignPrefix = "bf-";

    private static readonly HashSet<string> OwnChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        ChannelIds.WeChat, ChannelIds.WeCom, ChannelIds.DirectLine, ChannelIds.Console, ChannelIds.Test,
    };

    /// <summary>True when <paramref name="channelId"/> is one only AssistBot's own endpoints may set.</summary>
    public static bool IsOwn(string? channelId) => channelId is not null && OwnChannels.Contains(channelId.Trim());

    /// <summary>
    /// Rewrites an own channel id of an activity from <c>/api/messages</c>; returns the original id to restore on
    /// replies, or null when nothing was rewritten.
    /// </summary>
    public static string? Qualify(Activity activity)
    {
        if (!IsOwn(activity.ChannelId)) return null;
        var original = activity.ChannelId!;
        activity.ChannelId = ForeignPrefix + original.Trim().ToLowerInvariant();
        return original;
    }

    /// <summary>Gives a reply the channel id the connector sent (see <see cref="Qualify"/>).</summary>
    public static void Restore(Activity reply, Activity incoming, string? original)
    {
        if (original is not null && string.Equals(reply.ChannelId, incoming.ChannelId, StringComparison.Ordinal))
            reply.ChannelId = original;
    }
}
