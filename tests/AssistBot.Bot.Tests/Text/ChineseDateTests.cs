using AssistBot.Bot.Text;

namespace AssistBot.Bot.Tests.Text;

/// <summary>Every importer reads dates in the same formats.</summary>
public sealed class ChineseDateTests
{
    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024-3-5")]
    [InlineData("2024/3/5")]
    [InlineData("2024/03/05")]
    [InlineData("2024.3.5")]
    [InlineData("2024年3月5日")]
    [InlineData("20240305")]
    [InlineData(" 2024-03-05 ")]
    [InlineData("45356")] // an Excel serial number in a numeric cell
    public void A_date_written_any_usual_way_is_read(string text)
    {
        Assert.Equal(new DateOnly(2024, 3, 5), ChineseDate.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("三月五日")]
    [InlineData("123")]
    public void Anything_else_is_not_a_date(string text)
    {
        Assert.Null(ChineseDate.Parse(text));
    }
}
