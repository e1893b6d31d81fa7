using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Tests.Privacy;

/// <summary>The one function that decides what personal data in free text is: realistic messages, and numbers that are not.</summary>
public sealed class FreeTextMaskTests
{
    [Theory]
    [InlineData("我身份证360722199001010016，想问问低保", "我身份证360722********0016，想问问低保")]
    [InlineData("身份证号：36072219900101001X", "身份证号：360722********001X")]
    [InlineData("身份证号36072219900101001x 谢谢", "身份证号360722********001X 谢谢")]
    [InlineData("我的身份证是 360722 19900101 0016", "我的身份证是 360722********0016")]
    [InlineData("老身份证360722900101001", "老身份证360722*****1001")]
    [InlineData("电话139 7971 2345", "电话139****2345")]
    [InlineData("电话：139-7971-2345，白天都在", "电话：139****2345，白天都在")]
    [InlineData("手机：13979712345", "手机：139****2345")]
    [InlineData("手机13979712345", "手机139****2345")]
    [InlineData("打我电话+86 139 7971 2345", "打我电话+86139****2345")]
    [InlineData("8613979712345", "86139****2345")]
    [InlineData("电话１３９７９７１２３４５", "电话139****2345")]
    [InlineData("幺三九七九七幺二三四五", "139****2345")]
    [InlineData("户主张三 411081197003150029 电话 15837451234 家里4口人",
        "户主张三 411081********0029 电话 158****1234 家里4口人")]
    [InlineData("13979712345 13979712346", "139****2345 139****2346")]
    public void Id_and_mobile_numbers_anywhere_in_a_message_are_masked(string typed, string stored) =>
        Assert.Equal(stored, PersonalDataMask.Text(typed));

    [Theory]
    [InlineData("去年看病花了50000元，报销了12000元")]
    [InlineData("2024年5月15日住的院，20240515出院")]
    [InlineData("贷款编号XF2024002，到期日2025-06-30")]
    [InlineData("申报编号 XF-20240515-0001 怎么样了")]
    [InlineData("受理 0001")]
    [InlineData("我家3口人，年收入8000元，种了12亩地")]
    [InlineData("贷了50000元，利率4.35%，期限3年")]
    [InlineData("借款13000000000元")]
    [InlineData("123456789012")] // 12 digits: neither a phone nor an ID number
    [InlineData("12979712345")] // 12x is no mobile prefix
    [InlineData("990722199001010016")] // no such province
    [InlineData("360722199013010016")] // month 13
    [InlineData("已经脱敏的 360722********0016 和 139****2345")]
    [InlineData("")]
    public void Other_numbers_are_left_as_written(string text) =>
        Assert.Equal(text, PersonalDataMask.Text(text));

    [Fact]
    public void Masking_twice_changes_nothing_more()
    {
        var once = PersonalDataMask.Text("身份证360722199001010016电话13979712345");
        Assert.Equal("身份证360722********0016电话139****2345", once);
        Assert.Same(once, PersonalDataMask.Text(once));
    }

    [Fact]
    public void An_activity_keeps_the_typed_text_only_off_the_wire()
    {
        var activity = Activity.CreateMessageActivity("手机：13979712345");
        InboundPersonalData.Mask(activity);
        InboundPersonalData.Mask(activity);

        Assert.Equal("手机：139****2345", activity.Text);
        Assert.Equal("手机：13979712345", activity.TextAsTyped());
        var json = System.Text.Json.JsonSerializer.Serialize(activity, ActivityJson.Options);
        Assert.DoesNotContain("13979712345", json);
    }
}
