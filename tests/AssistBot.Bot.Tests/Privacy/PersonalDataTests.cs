using System.Security.Cryptography;
using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Tests.Privacy;

public sealed class PersonalDataTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Protected_value_round_trips_and_does_not_contain_the_plaintext()
    {
        var protector = new PersonalDataProtector(Key);
        var protectedId = protector.Protect("36072219900101001X")!;

        Assert.DoesNotContain("1990", protectedId);
        Assert.Equal("36072219900101001X", protector.Unprotect(protectedId));
        Assert.NotEqual(protectedId, protector.Protect("36072219900101001X"));
    }

    [Fact]
    public void A_different_key_cannot_read_protected_data()
    {
        var protectedPhone = new PersonalDataProtector(Key).Protect("13912344321");
        var otherKey = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        Assert.ThrowsAny<CryptographicException>(() => otherKey.Unprotect(protectedPhone));
    }

    [Fact]
    public void Tampered_ciphertext_is_rejected()
    {
        var protector = new PersonalDataProtector(Key);
        var bytes = Convert.FromBase64String(protector.Protect("13912344321")!["v1:".Length..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void Lookup_hash_is_stable_case_insensitive_and_separated_by_purpose()
    {
        var protector = new PersonalDataProtector(Key);
        Assert.Equal(protector.LookupHash("id", "36072219900101001x"), protector.LookupHash("id", " 36072219900101001X "));
        Assert.NotEqual(protector.LookupHash("id", "13912344321"), protector.LookupHash("phone", "13912344321"));
        Assert.NotEqual(protector.LookupHash("id", "x"), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).LookupHash("id", "x"));
    }

    [Theory]
    [InlineData("360722199001010012", "360722********0012")]
    [InlineData("36072219900101001X", "360722********001X")]
    [InlineData("", "")]
    public void Id_numbers_keep_the_first_six_and_last_four(string id, string masked) =>
        Assert.Equal(masked, PersonalDataMask.IdNumber(id));

    [Theory]
    [InlineData("13912344321", "139****4321")]
    [InlineData("0797-3321234", "********1234")]
    public void Phones_are_masked(string phone, string masked) => Assert.Equal(masked, PersonalDataMask.Phone(phone));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳秀英", "欧***")]
    [InlineData(" 王 ", "王*")]
    [InlineData("", "")]
    public void Names_keep_only_their_first_character(string name, string masked) => Assert.Equal(masked, PersonalDataMask.Name(name));

    [Fact]
    public void A_known_name_in_free_text_is_masked_with_the_numbers() =>
        Assert.Equal("有事打139****5678找欧***", PersonalDataMask.Text("有事打13912345678找欧阳秀英", "欧阳秀英"));
}
