using AssistBot.Bot.WeChat;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Tests.WeChat;

public sealed class WeChatActivityMapperTests
{
    private static WeChatInboundMessage Msg(string type, Action<WeChatInboundMessage>? more = null)
    {
        var m = new WeChatInboundMessage
        {
            ToUserName = "gh_abc", FromUserName = "openid1", CreateTime = 1700000000, MsgType = type, MsgId = "42",
        };
        more?.Invoke(m);
        return m;
    }

    [Fact]
    public void Text_becomes_a_message_in_the_users_county_conversation()
    {
        var a = WeChatActivityMapper.Map(Msg("text", m => m.Content = "低保怎么申请"), "xinfeng", "wechat").Activity!;
        Assert.Equal(ActivityTypes.Message, a.Type);
        Assert.Equal("低保怎么申请", a.Text);
        Assert.Equal("wechat", a.ChannelId);
        Assert.Equal("openid1", a.From!.Id);
        Assert.Equal("gh_abc", a.Recipient!.Id);
        Assert.Equal("xinfeng:openid1", a.Conversation!.Id);
        Assert.Equal("42", a.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), a.Timestamp);
    }

    [Fact]
    public void Voice_with_recognition_is_text_marked_as_voice()
    {
        var a = WeChatActivityMapper.Map(Msg("voice", m => m.Recognition = "那个嗯我想问一下贷款。"), "xinfeng", "wechat").Activity!;
        Assert.Equal(ActivityTypes.Message, a.Type);
        Assert.Equal("那个嗯我想问一下贷款", a.Text);
        Assert.Equal("voice", a.ChannelData!.Value.GetProperty("msgType").GetString());
    }

    [Fact]
    public void Voice_without_recognition_asks_to_try_again()
    {
        var action = WeChatActivityMapper.Map(Msg("voice"), "xinfeng", "wechat");
        Assert.Null(action.Activity);
        Assert.Equal(WeChatTexts.VoiceNotRecognized, action.ImmediateReply);
    }

    [Theory]
    [InlineData("image", WeChatTexts.ImageNotSupported)]
    [InlineData("video", WeChatTexts.VideoNotSupported)]
    [InlineData("shortvideo", WeChatTexts.VideoNotSupported)]
    [InlineData("location", WeChatTexts.LocationNotSupported)]
    [InlineData("link", WeChatTexts.LinkNotSupported)]
    public void Media_gets_a_polite_reply_without_a_turn(string type, string reply)
    {
        var action = WeChatActivityMapper.Map(Msg(type), "xinfeng", "wechat");
        Assert.Null(action.Activity);
        Assert.Equal(reply, action.ImmediateReply);
        Assert.Contains("文字", reply);
    }

    [Fact]
    public void Subscribe_and_unsubscribe_are_conversation_updates()
    {
        var sub = WeChatActivityMapper.Map(Msg("event", m => { m.Event = "subscribe"; m.MsgId = null; }), "xinfeng", "wechat").Activity!;
        Assert.Equal(ActivityTypes.ConversationUpdate, sub.Type);
        Assert.Equal("openid1", Assert.Single(sub.MembersAdded!).Id);
        Assert.Equal("openid1-1700000000-subscribe", sub.Id);

        Assert.Null(sub.Value);

        var byQr = WeChatActivityMapper.Map(Msg("event", m => { m.Event = "subscribe"; m.EventKey = "qrscene_village-12"; }), "xinfeng", "wechat").Activity!;
        Assert.Equal("village-12", byQr.Value!.Value.GetString());

        var unsub = WeChatActivityMapper.Map(Msg("event", m => m.Event = "unsubscribe"), "xinfeng", "wechat").Activity!;
        Assert.Equal(ActivityTypes.ConversationUpdate, unsub.Type);
        Assert.Equal("openid1", Assert.Single(unsub.MembersRemoved!).Id);
    }

    [Theory]
    [InlineData("CLICK", "MENU_LOAN", "menuClick")]
    [InlineData("click", "MENU_POLICY", "menuClick")] // WeCom spells it in lower case
    [InlineData("SCAN", "123", "scan")]
    public void Menu_clicks_and_scans_are_events_with_the_key(string evt, string key, string name)
    {
        var a = WeChatActivityMapper.Map(Msg("event", m => { m.Event = evt; m.EventKey = key; }), "xinfeng", "wechat").Activity!;
        Assert.Equal(ActivityTypes.Event, a.Type);
        Assert.Equal(name, a.Name);
        Assert.Equal(key, a.Value!.Value.GetString());
    }

    [Fact]
    public void Location_event_carries_coordinates()
    {
        var a = WeChatActivityMapper.Map(Msg("event", m =>
        {
            m.Event = "LOCATION"; m.Latitude = "25.38"; m.Longitude = "114.92"; m.Precision = "65.0";
        }), "xinfeng", "wechat").Activity!;
        Assert.Equal("location", a.Name);
        Assert.Equal(25.38, a.Value!.Value.GetProperty("latitude").GetDouble());
        Assert.Equal(114.92, a.Value!.Value.GetProperty("longitude").GetDouble());
    }

    [Fact]
    public void View_and_unknown_events_need_no_answer()
    {
        Assert.Equal(WeChatInboundAction.Ignore, WeChatActivityMapper.Map(Msg("event", m => m.Event = "VIEW"), "xinfeng", "wechat"));
        Assert.Equal(WeChatInboundAction.Ignore, WeChatActivityMapper.Map(Msg("event", m => m.Event = "TEMPLATESENDJOBFINISH"), "xinfeng", "wechat"));
    }
}
