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

    public static TheoryData<string> ShapesBothReadersMustAgreeOn => new()
    {
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o_1]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[小额信贷 <最多> & 多少？]]></Content><MsgId>123</MsgId></xml>",
        "<xml>\n  <ToUserName>gh_1</ToUserName>\n  <Content>plain 文本</Content>\n</xml>\n",
        "<xml><Content></Content><Event><![CDATA[]]></Event></xml>",
        "<xml><Content>A &amp; B</Content></xml>",
        "<xml><Content>&#x4E2D;</Content></xml>",
        "<xml><Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>",
        "<xml><Content><![CDATA[line1\r\nline2]]></Content></xml>",
        "<xml><Content>line1\r\nline2</Content></xml>",
        "<xml><ScanCodeInfo><ScanType>qrcode</ScanType><ScanResult>1</ScanResult></ScanCodeInfo><Event>scancode_push</Event></xml>",
        "<xml><Content a=\"1\">x</Content></xml>",
        "<xml a=\"1\"><Content>x</Content></xml>",
        "<?xml version=\"1.0\"?><xml><Content>x</Content></xml>",
        "<xml><Content/><MsgType>text</MsgType></xml>",
        "<xml><Content>x</Content><Content>y</Content></xml>",
        "<xml>stray text<Content>x</Content></xml>",
        "<xml><Content>x</Content></xml><xml></xml>",
        "<xml><Content>x</Content></xml>trailing",
        "<xml><Content>x</Contents></xml>",
        "<xml><Content>x",
        "<xml><Content>\u0001</Content></xml>",
        "<xml><Content><![CDATA[\uFFFE]]></Content></xml>",
        "<xml><a:Content>x</a:Content></xml>",
        "<xml><Encrypt><![CDATA[abc+/=]]></Encrypt><AgentID>1000002</AgentID></xml>",
    };

    [Theory]
    [MemberData(nameof(ShapesBothReadersMustAgreeOn))]
    public void Fast_path_and_full_reader_give_the_same_message_or_the_same_rejection(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var fast = WeChatXml.TryParse(bytes, 0, bytes.Length, out var viaFastPath);
        var full = WeChatXml.TryParseFull(bytes, 0, bytes.Length, out var viaFullReader);

        Assert.Equal(full, fast);
        if (full) Assert.Equivalent(viaFullReader, viaFastPath, strict: true);
    }

    [Fact]
    public void Invalid_utf8_is_rejected_like_the_full_reader_does()
    {
        var bytes = Encoding.UTF8.GetBytes("<xml><Content><![CDATA[xx]]></Content></xml>");
        bytes[23] = 0xFF;
        Assert.Equal(WeChatXml.TryParseFull(bytes, 0, bytes.Length, out _), WeChatXml.TryParse(bytes, 0, bytes.Length, out _));
    }

    [Fact]
    public void What_WeChat_sends_takes_the_fast_path_and_anything_with_markup_the_full_reader()
    {
        var elements = new List<(string Name, string Value)>();
        Assert.True(FlatXml.TryRead("<xml><ToUserName><![CDATA[gh]]></ToUserName><CreateTime>1</CreateTime></xml>"u8, elements));
        Assert.Equal([("ToUserName", "gh"), ("CreateTime", "1")], elements);

        Assert.False(FlatXml.TryRead("<!DOCTYPE x [<!ENTITY a \"b\">]><xml><Content>&a;</Content></xml>"u8, []));
        Assert.False(FlatXml.TryRead("<xml><Content>&amp;</Content></xml>"u8, []));
        Assert.False(FlatXml.TryRead("<xml><Content><Inner>x</Inner></Content></xml>"u8, []));
    }
}
