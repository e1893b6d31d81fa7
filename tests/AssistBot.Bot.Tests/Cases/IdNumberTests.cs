using AssistBot.Bot.Cases;

namespace AssistBot.Bot.Tests.Cases;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2024, 5, 15);

    [Theory]
    [InlineData("11010519491231002X")] // the GB 11643 standard's own example
    [InlineData("11010519491231002x")] // lower-case x
    [InlineData("110105 19491231 002X")] // spaces
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")] // full-width
    [InlineData("幺幺零幺零五幺九四九幺二三幺零零二X")] // read out digit by digit
    public void Valid_numbers_pass_and_are_normalized(string input)
    {
        var check = IdNumber.Check(input, Today);
        Assert.True(check.IsValid, check.Problem.ToString());
        Assert.Equal("11010519491231002X", check.Normalized);
    }

    [Fact]
    public void Generated_synthetic_numbers_pass()
    {
        for (var i = 0; i < 20; i++) Assert.True(IdNumber.Check(TestIds.Valid(), Today).IsValid);
    }

    [Theory]
    [InlineData("110105194912310021", IdNumberProblem.BadCheckDigit)]
    [InlineData("360722197503120015", IdNumberProblem.BadCheckDigit)]
    [InlineData("360722197502300011", IdNumberProblem.BadBirthDate)] // 2月30日
    [InlineData("360722203001010011", IdNumberProblem.BadBirthDate)] // born in the future
    [InlineData("360722180001010011", IdNumberProblem.BadBirthDate)] // 224 years old
    [InlineData("360722750312001", IdNumberProblem.FifteenDigit)]
    [InlineData("36072219750312001", IdNumberProblem.WrongLength)]
    [InlineData("3607221975031200111", IdNumberProblem.WrongLength)]
    [InlineData("36072219750312X011", IdNumberProblem.BadCharacters)]
    [InlineData("990722197503120011", IdNumberProblem.BadRegion)]
    [InlineData("不知道", IdNumberProblem.Empty)]
    public void Invalid_numbers_are_refused_with_the_reason(string input, IdNumberProblem expected)
    {
        Assert.Equal(expected, IdNumber.Check(input, Today).Problem);
    }

    [Fact]
    public void A_single_wrong_digit_is_caught_by_the_check_character()
    {
        var valid = TestIds.Valid();
        var typo = valid[..15] + (valid[15] == '9' ? '8' : (char)(valid[15] + 1)) + valid[16..];
        Assert.Equal(IdNumberProblem.BadCheckDigit, IdNumber.Check(typo, Today).Problem);
        Assert.Equal(IdNumberProblem.BadCheckDigit, IdNumber.Check(TestIds.WithWrongCheck(valid), Today).Problem);
    }
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData("139 1234 5678", "13912345678")]
    [InlineData("+86 139-1234-5678", "13912345678")]
    [InlineData("幺三九幺二三四五六七八", "13912345678")]
    [InlineData("0797-3322110", "0797-3322110")]
    [InlineData("07973322110", "0797-3322110")]
    [InlineData("0374-8888888", "0374-8888888")]
    [InlineData("010-62345678", "010-62345678")]
    public void Mobiles_and_landlines_with_area_code_are_accepted(string input, string expected)
    {
        var check = PhoneNumber.Check(input);
        Assert.True(check.IsValid, check.Problem.ToString());
        Assert.Equal(expected, check.Normalized);
    }

    [Theory]
    [InlineData("12912345678", PhoneProblem.NotAMobile)]
    [InlineData("1391234567", PhoneProblem.WrongLength)]
    [InlineData("3322110", PhoneProblem.MissingAreaCode)]
    [InlineData("0797-0322110", PhoneProblem.BadLandline)]
    [InlineData("没有电话", PhoneProblem.Empty)]
    public void Bad_numbers_are_refused(string input, PhoneProblem expected)
    {
        Assert.Equal(expected, PhoneNumber.Check(input).Problem);
    }
}

public sealed class HardshipTypeTests
{
    [Theory]
    [InlineData("住院花了好几万", HardshipType.Illness)]
    [InlineData("房子塌了", HardshipType.Housing)]
    [InlineData("没活干了", HardshipType.Unemployment)]
    [InlineData("我屋里人在广东打工被厂里辞退了", HardshipType.Unemployment)]
    [InlineData("厂子倒了，他下岗在家", HardshipType.Unemployment)]
    [InlineData("发大水把庄稼淹了", HardshipType.Disaster)]
    [InlineData("出了车祸", HardshipType.Accident)]
    public void Free_text_reveals_the_cause(string text, HardshipType expected) =>
        Assert.Contains(expected, HardshipTypes.Detect(text));

    [Theory]
    [InlineData("你好")]
    [InlineData("小额贷款怎么申请")]
    public void Ordinary_messages_are_not_hardships(string text) => Assert.Empty(HardshipTypes.Detect(text));

    [Theory]
    [InlineData("1、8", new[] { HardshipType.Illness, HardshipType.Housing })]
    [InlineData("1 8", new[] { HardshipType.Illness, HardshipType.Housing })]
    [InlineData("一和八", new[] { HardshipType.Illness, HardshipType.Housing })]
    [InlineData("因病，住房安全", new[] { HardshipType.Illness, HardshipType.Housing })]
    [InlineData("11", new[] { HardshipType.Other })]
    [InlineData("生病了", new[] { HardshipType.Illness })]
    public void Choices_are_read_as_numbers_labels_or_words(string text, HardshipType[] expected) =>
        Assert.Equal(expected, HardshipTypes.ParseChoice(text));

    [Theory]
    [InlineData("99")]
    [InlineData("随便")]
    public void Unreadable_choices_are_null(string text) => Assert.Null(HardshipTypes.ParseChoice(text));
}
