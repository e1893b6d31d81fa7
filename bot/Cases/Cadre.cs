using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Cases;

/// <summary>
/// A cadre on WeCom (村干部, 驻村干部, 乡镇干部) from the roster. <see cref="Villages"/> empty = the whole township.
/// </summary>
public sealed record Cadre(string CountyId, string UserId, string Name, string Title, string Township, IReadOnlyList<string> Villages)
{
    public bool CoversWholeTownship => Villages.Count == 0;

    public bool CoversVillage(string township, string village) =>
        township == Township && (CoversWholeTownship || Villages.Any(v => PlaceDirectory.VillageKey(v) == PlaceDirectory.VillageKey(village)));

    /// <summary>
    /// A cadre sees the declarations of their area only. 转交 hands a case only to a cadre whose area covers it, so a
    /// case handed over is seen through the area too; a hand-over recorded before that rule (or a roster change since)
    /// opens nothing outside the cadre's area.
    /// </summary>
    public bool CanSee(Declaration d) =>
        d.CountyId == CountyId && CoversVillage(d.Township, d.Village);

    /// <summary>e.g. 大塘埠镇 全镇 / 大塘埠镇 代屋村、新村</summary>
    public string AreaLabel => CoversWholeTownship ? $"{Township}（全乡镇）" : $"{Township} {string.Join('、', Villages)}";
}
