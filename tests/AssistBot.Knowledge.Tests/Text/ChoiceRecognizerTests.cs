using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Tests.Text;

/// <summary>The one reader of a reply to numbered choices (the bot's menus and prompts, the policy Q&amp;A's clarify lists).</summary>
public sealed class ChoiceRecognizerTests
{
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
    [InlineData("2", 1)]
    [InlineData("２", 1)]
    [InlineData("二", 1)]
    [InlineData("第二个", 1)]
    [InlineData("选二", 1)]
    [InlineData("选2", 1)]
    [InlineData("2.", 1)]
    [InlineData("第三条", 2)]
    [InlineData("嗯 3吧", 2)]
    public void A_choice_is_picked_by_its_number(string reply, int expected) => Assert.Equal(expected, ChoiceRecognizer.Number(reply, 3));

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("三年")]
    [InlineData("低保怎么申请")]
    [InlineData("")]
    public void A_number_outside_the_choices_or_a_question_picks_nothing(string reply) => Assert.Null(ChoiceRecognizer.Number(reply, 3));
}
