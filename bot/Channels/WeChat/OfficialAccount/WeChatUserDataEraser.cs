using AssistBot.Bot.Privacy;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;

namespace AssistBot.Bot.WeChat;

/// <summary>"删除我的信息" for the Official Account: the follower record and the last-message entry.</summary>
public sealed class WeChatUserDataEraser(WeChatUserDirectory users) : IUserDataEraser
{
    public async ValueTask EraseAsync(string county, string channel, string userId, CancellationToken cancellationToken = default)
    {
        if (channel == ChannelIds.WeChat) await users.ForgetAsync(county, userId, cancellationToken).ConfigureAwait(false);
    }
}
