using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Tests.Cases;

public sealed class PlaceDirectoryTests
{
    private static readonly CaseCatalog Catalog = CaseCatalog.Load(Path.Combine(AppContext.BaseDirectory, "packs"));
    private static PlaceDirectory Xinfeng => Catalog.Find("xinfeng-2024")!.Places;
    private static PlaceDirectory Yuzhou => Catalog.Find("yuzhou-2023")!.Places;

    [Fact]
    public void Packs_list_every_township_from_the_source()
    {
        Assert.Equal(16, Xinfeng.Townships.Count); // 13 镇 + 3 乡; 信丰县工业园 is not a township
        Assert.Equal(26, Yuzhou.Townships.Count); // 5 街道 + 19 镇 + 2 乡
        Assert.DoesNotContain(Xinfeng.Townships, t => t.Name.Contains("工业园"));
    }

    [Theory]
    [InlineData("大塘埠", "大塘埠镇")]
    [InlineData("大塘埠镇", "大塘埠镇")]
    [InlineData("我家是信丰大塘埠的", "大塘埠镇")]
    [InlineData("嘉定", "嘉定镇")]
    [InlineData("崇仙乡", "崇仙乡")]
    [InlineData("  万隆 ", "万隆乡")]
    public void Xinfeng_names_are_recognised(string input, string expected) =>
        Assert.Equal(expected, Xinfeng.MatchTownship(input).Township?.Name);

    [Theory]
    [InlineData("褚河镇", "褚河街道")]
    [InlineData("褚河", "褚河街道")]
    [InlineData("苌庄乡", "苌庄镇")]
    [InlineData("小吕乡", "小吕镇")]
    [InlineData("山货", "山货回族乡")]
    [InlineData("颍川街道", "颍川街道")]
    [InlineData("神后", "神垕镇")] // a voice transcription's homophone, one character off
    public void Yuzhou_old_and_short_names_map_to_the_current_name(string input, string expected) =>
        Assert.Equal(expected, Yuzhou.MatchTownship(input).Township?.Name);

    [Fact]
    public void One_character_off_between_two_townships_is_ambiguous()
    {
        var match = Xinfeng.MatchTownship("大乔"); // 大桥 or 大阿?
        Assert.Equal(PlaceMatchKind.Ambiguous, match.Kind);
        Assert.Contains(match.Candidates, t => t.Name == "大桥镇");
    }

    [Theory]
    [InlineData("北京")]
    [InlineData("")]
    [InlineData("大塘埠镇")] // an 信丰 name is not a 禹州 township
    public void Unknown_places_do_not_match(string input) => Assert.Equal(PlaceMatchKind.None, Yuzhou.MatchTownship(input).Kind);

    [Fact]
    public void Villages_are_cleaned_and_known_ones_spelled_officially()
    {
        var jiading = Xinfeng.Find("嘉定镇")!;
        Assert.Equal("代屋村", Xinfeng.CleanVillage(jiading, "代屋"));
        Assert.Equal("代屋村", Xinfeng.CleanVillage(jiading, "嘉定镇代屋村委会"));
        Assert.Equal("新村", Xinfeng.CleanVillage(jiading, " 新村 "));
        Assert.Null(Xinfeng.CleanVillage(jiading, "1"));
    }

    [Theory]
    [InlineData("大塘埠村", "大塘埠村")] // named after its township: not cut down to a bare "村"
    [InlineData("大塘埠镇大塘埠村", "大塘埠村")]
    [InlineData("信丰县大塘埠镇大塘埠村委会", "大塘埠村委会")]
    [InlineData("大塘埠代屋", "代屋")]
    [InlineData("塘背", "塘背")] // an unknown village is taken as typed
    [InlineData("桃源社区", "桃源社区")]
    [InlineData("上坪村十一组", "上坪村十一组")]
    [InlineData("代屋村3组", "代屋村3组")]
    public void A_village_named_after_its_township_is_kept(string input, string expected) =>
        Assert.Equal(expected, Xinfeng.CleanVillage(Xinfeng.Find("大塘埠镇")!, input));

    [Theory]
    [InlineData("老人住院花了不少钱")]
    [InlineData("我也不知道")]
    [InlineData("家里房子漏雨好几年")]
    [InlineData("村")]
    public void A_sentence_is_not_taken_for_a_village(string input) =>
        Assert.Null(Xinfeng.CleanVillage(Xinfeng.Find("大塘埠镇")!, input));

    [Fact]
    public void Declaration_rules_carry_sources_and_only_sourced_figures()
    {
        var yuzhou = Catalog.Find("yuzhou-2023")!.Rules;
        var xinfeng = Catalog.Find("xinfeng-2024")!.Rules;
        Assert.Equal(7500m, yuzhou.MonitoringLine!.Amount);
        Assert.Contains("禹州市2023年", yuzhou.MonitoringLine.Source);
        Assert.Equal(15, yuzhou.Procedure.TotalLimitDays);
        Assert.Equal(5, yuzhou.Procedure.PublicityMinDays);
        Assert.Null(xinfeng.MonitoringLine);
        Assert.Null(xinfeng.Procedure.TotalLimitDays);
        Assert.All(xinfeng.NextSteps.Values, s => Assert.Null(s.Days));
        Assert.Equal("XF", xinfeng.ReferencePrefix);
        Assert.Equal("YZ", yuzhou.ReferencePrefix);
    }
}
