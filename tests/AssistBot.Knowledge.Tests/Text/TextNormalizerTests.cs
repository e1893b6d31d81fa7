using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  取消！ ", "取消")]
    [InlineData("嗯 那个 取消吧", "取消")]
    [InlineData("我想问下小额信贷怎么申请？", "小额信贷怎么申请")]
    [InlineData("ＡＢＣ　１２３", "abc123")]
    [InlineData("1.5万。", "1.5万")]
    public void Command_normalization_trims_widths_punctuation_and_fillers(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.ForCommand(text));
}
