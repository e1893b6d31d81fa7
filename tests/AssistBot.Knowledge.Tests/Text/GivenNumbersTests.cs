using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Tests.Text;

/// <summary>A phone or ID number given with a question is the asker's data: it and its label leave the question.</summary>
public sealed class GivenNumbersTests
{
    [Theory]
    [InlineData("我电话13812345678，低保咋申请", "我，低保咋申请")]
    [InlineData("手机号是138****5678，低保咋申请", "，低保咋申请")]
    [InlineData("身份证号码：360722199001011234，家里房子塌了", "，家里房子塌了")]
    [InlineData("我身份证41088119900101123X家里出事了", "我家里出事了")]
    [InlineData("13912345678是我的电话，贷款咋还", "，贷款咋还")]
    [InlineData("电话 139 1234 5678 雨露计划几时发", " 雨露计划几时发")]
    [InlineData("138****5678 低保咋申请", " 低保咋申请")]
    [InlineData("我家电话是0797-8123456，想问帮扶责任人多久来一次", "我家，想问帮扶责任人多久来一次")]
    public void Given_numbers_and_their_labels_are_removed(string question, string expected) =>
        Assert.Equal(expected, GivenNumbers.Without(question));

    [Theory]
    [InlineData("12317电话几点有人接")]
    [InlineData("信丰今年要新增贷款5000万吗")]
    [InlineData("2024年的监测线是多少")]
    [InlineData("帮扶责任人的电话是多少")]
    [InlineData("2021-2025年过渡期有啥政策")]
    [InlineData("贷款是2024-03-01放的，几时到期")]
    public void Figures_the_hotline_and_questions_about_numbers_stay(string question) =>
        Assert.Same(question, GivenNumbers.Without(question));
}
