using AssistBot.Bot.Text;

namespace AssistBot.Bot.Tests.Conversation;

public sealed class RecognizerTests
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
        Assert.Equal((decimal)expected, ChineseNumberRecognizer.Recognize(text));

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
        Assert.Null(ChineseNumberRecognizer.Recognize(text));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("三", 3)]
    [InlineData("二十", 20)]
    [InlineData("三口人", null)]
    [InlineData("选3", null)]
    public void Exact_numbers_are_the_whole_text(string text, int? expected) =>
        Assert.Equal(expected, (int?)ChineseNumberRecognizer.RecognizeExact(text));

    private static readonly IReadOnlyList<IReadOnlyList<string>> Labels =
    [
        ["政策咨询"], ["困难申报", "申报"], ["查进度"], ["贷款还款"], ["帮助"],
    ];

    [Theory]
    [InlineData("1", 0)]
    [InlineData("１", 0)]
    [InlineData("一", 0)]
    [InlineData("第二个", 1)]
    [InlineData("第2项", 1)]
    [InlineData("选3", 2)]
    [InlineData("4号", 3)]
    [InlineData("政策咨询", 0)]
    [InlineData("申报", 1)]
    [InlineData("我想查进度", 2)]
    [InlineData("进度", 2)]
    [InlineData("贷款换款", 3)]
    [InlineData("政册咨询", 0)]
    [InlineData("帮助。", 4)]
    public void Choices_match_by_number_label_synonym_or_close_variant(string text, int expectedIndex) =>
        Assert.Equal(expectedIndex, ChoiceRecognizer.Recognize(text, Labels)?.Index);

    [Theory]
    [InlineData("6")]
    [InlineData("天气")]
    [InlineData("")]
    public void Choices_do_not_match_unrelated_text_or_numbers_out_of_range(string text) =>
        Assert.Null(ChoiceRecognizer.Recognize(text, Labels));

    [Fact]
    public void Two_choices_matching_equally_is_ambiguous() =>
        Assert.Null(ChoiceRecognizer.Recognize("贷款", [["贷款申请"], ["贷款还款"]]));

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

    [Theory]
    [InlineData("  取消！ ", "取消")]
    [InlineData("嗯 那个 取消吧", "取消")]
    [InlineData("我想问下小额信贷怎么申请？", "小额信贷怎么申请")]
    [InlineData("ＡＢＣ　１２３", "abc123")]
    [InlineData("1.5万。", "1.5万")]
    public void Command_normalization_trims_widths_punctuation_and_fillers(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.ForCommand(text));
}
