using System.Text;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Tests.WeChat;

public sealed class WeChatReplyRendererTests
{
    [Fact]
    public void Joins_activities_and_numbers_suggested_actions()
    {
        var text = WeChatReplyRenderer.Render([
            MessageFactory.Text("您好！"),
            new Activity { Type = ActivityTypes.Typing },
            MessageFactory.SuggestedActions(["政策咨询", "困难申报", "查进度"], "请选择要办的事："),
        ]);
        Assert.Equal("您好！\n\n请选择要办的事：\n1. 政策咨询\n2. 困难申报\n3. 查进度", text);
    }

    [Fact]
    public void Choices_without_text_still_render_and_empty_replies_render_nothing()
    {
        Assert.Equal("1. 是\n2. 否", WeChatReplyRenderer.Render([MessageFactory.SuggestedActions(["是", "否"], "")]));
        Assert.Equal("", WeChatReplyRenderer.Render([]));
        Assert.Equal("好的", WeChatReplyRenderer.Render([MessageFactory.Text(""), MessageFactory.Text("好的")]));
    }

    [Fact]
    public void Long_text_splits_on_line_breaks_within_the_byte_limit()
    {
        var text = string.Concat(Enumerable.Range(1, 200).Select(i => $"第{i}行：脱贫户可以申请小额信贷。\n")).TrimEnd();
        var parts = WeChatReplyRenderer.Split(text, 2048);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 2048));
        Assert.All(parts, p => Assert.StartsWith("第", p));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
    }

    [Fact]
    public void Text_without_breaks_splits_between_characters_not_inside_them()
    {
        var text = new string('政', 1000) + "😀" + new string('策', 1000);
        var parts = WeChatReplyRenderer.Split(text, 2048);
        Assert.All(parts, p => Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 2048));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Short_text_is_one_part() => Assert.Equal(["你好"], WeChatReplyRenderer.Split("你好", 2048));
}
