using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Cases;

/// <summary>Joins a configured county to its pack's places and declaration rules.</summary>
public sealed class CountyCaseData(Counties counties, CaseCatalog catalog)
{
    public bool TryGet(string? countyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CountyCases? data)
    {
        data = null;
        if (!counties.TryGet(countyId, out var county) || catalog.Find(county.Pack) is not { } pack) return false;
        data = new CountyCases(county, pack.Places, pack.Rules);
        return true;
    }

    public CountyCases Get(string countyId) =>
        TryGet(countyId, out var data) ? data : throw new InvalidOperationException($"County '{countyId}' has no places.yaml/declaration.yaml in its pack.");
}

public sealed record CountyCases(County County, PlaceDirectory Places, DeclarationRules Rules)
{
    public string Id => County.Id;
}
