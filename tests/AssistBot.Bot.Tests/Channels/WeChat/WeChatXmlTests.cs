using System.Text;
using AssistBot.Bot.WeChat;

namespace AssistBot.Bot.Tests.WeChat;

public sealed class WeChatXmlTests
{
    private static bool Parse(string xml, out WeChatInboundMessage message)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        return WeChatXml.TryParse(bytes, bytes.Length, out message);
    }

    [Fact]
    public void Reads_a_voice_message_with_recognition()
    {
        const string xml = """
            <xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1357290913</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[media_id]]></MediaId>
            <Format><![CDATA[Format]]></Format><Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>1234567890123456</MsgId></xml>
            """;
        Assert.True(Parse(xml, out var m));
        Assert.Equal("fromUser", m.FromUserName);
        Assert.Equal("toUser", m.ToUserName);
        Assert.Equal(1357290913, m.CreateTime);
        Assert.Equal("voice", m.MsgType);
        Assert.Equal("腾讯微信团队", m.Recognition);
        Assert.Equal("1234567890123456", m.MsgId);
        Assert.Equal("1234567890123456", m.DedupId);
    }

    [Fact]
    public void Skips_nested_elements_it_does_not_know()
    {
        const string xml = "<xml><FromUserName>u</FromUserName><MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>" +
            "<SubscribeMsgPopupEvent><List><TemplateId>t</TemplateId></List></SubscribeMsgPopupEvent><CreateTime>5</CreateTime></xml>";
        Assert.True(Parse(xml, out var m));
        Assert.Equal("subscribe_msg_popup_event", m.Event);
        Assert.Equal(5, m.CreateTime);
        Assert.Equal("u-5-subscribe_msg_popup_event", m.DedupId);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>""")]
    [InlineData("""<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Content>&c;</Content></xml>""")]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<xml><Content>a</Content></xml><xml/>")]
    [InlineData("<notxml><Content>a</Content></notxml>")]
    [InlineData("{\"ToUserName\":\"gh\"}")]
    [InlineData("")]
    [InlineData("<xml><Content>&undefined;</Content></xml>")]
    public void Rejects_dtds_entities_and_malformed_documents(string xml) => Assert.False(Parse(xml, out _));

    [Fact]
    public void Reply_text_with_cdata_terminator_survives_a_round_trip()
    {
        var xml = WeChatXml.TextReply("openid", "gh_x", 1700000000, "a]]>b]]>");
        Assert.True(WeChatXml.TryParse(xml, out _));
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        Assert.Equal("a]]>b]]>", doc.Root!.Element("Content")!.Value);
        Assert.Equal("openid", doc.Root.Element("ToUserName")!.Value);
        Assert.Equal("gh_x", doc.Root.Element("FromUserName")!.Value);
        Assert.Equal("text", doc.Root.Element("MsgType")!.Value);
    }
}
