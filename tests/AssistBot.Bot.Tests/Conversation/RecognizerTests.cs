using AssistBot.Bot.Text;

namespace AssistBot.Bot.Tests.Conversation;

public sealed class RecognizerTests
{
    [Theory]
    [InlineData("是", true)]
    [InlineData("好", true)]
    [InlineData("好的", true)]
    [InlineData("对", true)]
    [InlineData("嗯", true)]
    [InlineData("可以", true)]
    [InlineData("确认", true)]
    [InlineData("好的，谢谢", true)]
    [InlineData("嗯 好的", true)]
    [InlineData("1", true)]
    [InlineData("不", false)]
    [InlineData("否", false)]
    [InlineData("不是", false)]
    [InlineData("不要", false)]
    [InlineData("算了", false)]
    [InlineData("算了吧", false)]
    [InlineData("不用了", false)]
    [InlineData("不办了", false)]
    [InlineData("不会", false)]
    [InlineData("会", true)]
    [InlineData("2", false)]
    [InlineData("也许", null)]
    [InlineData("三口人", null)]
    public void Yes_and_no_in_everyday_Chinese(string text, bool? expected) =>
        Assert.Equal(expected, ConfirmRecognizer.Recognize(text));
}
