using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Tests.Text;

/// <summary>The one number reader: a number anywhere in a sentence, the whole text as a number, the one number of a form answer, rough ranges.</summary>
public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("三口人", 3)]
    [InlineData("六千五", 6500)]
    [InlineData("2万", 20000)]
    [InlineData("大概五千", 5000)]
    [InlineData("1.5万", 15000)]
    [InlineData("一万五", 15000)]
    [InlineData("两万三", 23000)]
    [InlineData("两万三千", 23000)]
    [InlineData("2万5", 25000)]
    [InlineData("5千", 5000)]
    [InlineData("一百五", 150)]
    [InlineData("一百零五", 105)]
    [InlineData("一千零五十", 1050)]
    [InlineData("十", 10)]
    [InlineData("十五", 15)]
    [InlineData("二十", 20)]
    [InlineData("三百二十五", 325)]
    [InlineData("一万零五百", 10500)]
    [InlineData("十万", 100000)]
    [InlineData("一亿两千万", 120000000)]
    [InlineData("三个半", 3.5)]
    [InlineData("一万半", 15000)]
    [InlineData("三点五", 3.5)]
    [InlineData("两口人", 2)]
    [InlineData("零", 0)]
    [InlineData("二〇二四", 2024)]
    [InlineData("１２", 12)]
    [InlineData("６５００元", 6500)]
    [InlineData("6,500", 6500)]
    [InlineData("肆仟伍佰", 4500)]
    [InlineData("我家一共三口人", 3)]
    [InlineData("嗯 那个 差不多两千块钱吧", 2000)]
    [InlineData("一个月三千左右", 3000)]
    [InlineData("第一个", 1)]
    public void Chinese_and_Arabic_numerals_are_recognized(string text, double expected) =>
        Assert.Equal((decimal)expected, ChineseNumber.Recognize(text));

    [Theory]
    [InlineData("不知道")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("几千块")]
    [InlineData("万")]
    [InlineData("没有收入")]
    [InlineData("三四口人")]
    [InlineData("五六千")]
    public void Text_without_a_number_is_not_a_number(string? text) =>
        Assert.Null(ChineseNumber.Recognize(text));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("三", 3)]
    [InlineData("二十", 20)]
    [InlineData("三口人", null)]
    [InlineData("选3", null)]
    public void Exact_numbers_are_the_whole_text(string text, int? expected) =>
        Assert.Equal(expected, (int?)ChineseNumber.RecognizeExact(text));

    [Theory]
    [InlineData("4", 4)]
    [InlineData("四", 4)]
    [InlineData("家里有五口人", 5)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("六千五", 6500)]
    [InlineData("七千五百", 7500)]
    [InlineData("一万二", 12000)]
    [InlineData("1万2", 12000)]
    [InlineData("1.2万", 12000)]
    [InlineData("大概6000块吧", 6000)]
    [InlineData("12,000元", 12000)]
    [InlineData("一千零五", 1005)]
    public void Reads_numbers_as_people_say_them(string input, int expected)
    {
        Assert.True(ChineseNumber.TryParse(input, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("不知道")]
    [InlineData("")]
    public void Rejects_text_without_a_number(string input) => Assert.False(ChineseNumber.TryParse(input, out _));

    [Theory]
    [InlineData("五六千", 5000, 6000)]
    [InlineData("一年五六千吧", 5000, 6000)]
    [InlineData("两三万", 20000, 30000)]
    [InlineData("一两千", 1000, 2000)]
    [InlineData("七八百块", 700, 800)]
    [InlineData("三四口人", 3, 4)]
    public void Rough_ranges_are_read_as_ranges_never_as_one_number(string input, int low, int high)
    {
        Assert.True(ChineseNumber.TryParseRange(input, out var from, out var to));
        Assert.Equal((low, high), ((int)from, (int)to));
        Assert.False(ChineseNumber.TryParse(input, out _));
    }

    [Theory]
    [InlineData("56")]
    [InlineData("五千六")]
    [InlineData("六千五")]
    public void Numbers_are_not_ranges(string input) => Assert.False(ChineseNumber.TryParseRange(input, out _, out _));

    [Theory]
    [InlineData("五千到六千")]
    [InlineData("家里三口人，两个孩子在外面")]
    public void A_form_answer_with_two_numbers_is_not_one_number(string input) => Assert.False(ChineseNumber.TryParse(input, out _));

    [Theory]
    [InlineData("一共三口人", 3)]
    [InlineData("一年收入五千", 5000)]
    public void Words_holding_a_numeral_are_not_a_second_number(string input, int expected)
    {
        Assert.True(ChineseNumber.TryParse(input, out var value));
        Assert.Equal(expected, value);
    }
}
