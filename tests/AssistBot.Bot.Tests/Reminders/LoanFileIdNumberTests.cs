using AssistBot.Bot.Reminders.Loans;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>Loan import checks ID numbers with the same rule as household import (IdNumber.Check).</summary>
public sealed class LoanFileIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static LoanRow ReadOne(string idNumber) =>
        LoanFile.Read(
        [
            new TableRow(1, LoanFile.Columns),
            new TableRow(2, ["XF1", "张三", idNumber, "13607971234", "大塘埠镇", "南坑村", "农商银行", "30000", "2024-03-05", "2025-03-05", ""]),
        ], Today).Single();

    [Theory]
    [InlineData("360722209901010130")] // valid check digit, born 2099-01-01: in the future
    [InlineData("990722198207052038")] // valid check digit, no such province (99)
    public void An_id_number_with_a_valid_check_digit_but_an_impossible_birth_date_or_region_is_rejected(string idNumber)
    {
        var row = ReadOne(idNumber);

        Assert.NotNull(row.Error);
        Assert.Contains("身份证号无效", row.Error);
    }

    [Fact]
    public void A_birth_date_in_the_future_is_named_in_the_row_message()
    {
        Assert.Contains("身份证号无效（出生日期不对）", ReadOne("360722209901010130").Error);
    }

    [Fact]
    public void A_real_id_number_is_accepted()
    {
        var row = ReadOne("360722198207052030");

        Assert.Null(row.Error);
        Assert.Equal("360722198207052030", row.IdNumber);
    }
}
