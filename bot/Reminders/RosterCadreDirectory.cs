using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Cadres from the imported roster (<c>企业微信账号,姓名,职务,乡镇,村</c>). A township's lead is a cadre covering the whole
/// township whose 职务 names a leading post (书记, 乡长/镇长, 主任, 负责人, 站长), else one covering the whole township,
/// else any leading post in it.
/// </summary>
public sealed class RosterCadreDirectory(IRosterReader roster) : ICadreDirectory
{
    private static readonly string[] LeadTitles = ["书记", "乡长", "镇长", "主任", "负责人", "站长"];

    private static CadreContact Contact(Cadre c) => new(c.UserId, c.Name, c.Township, c.Title, c.Villages ?? []);

    public async ValueTask<IReadOnlyList<CadreContact>> ListAsync(string countyId, CancellationToken cancellationToken = default) =>
        (await roster.ListAsync(countyId, cancellationToken).ConfigureAwait(false)).Select(Contact).ToList();

    public async ValueTask<CadreContact?> TownshipLeadAsync(string countyId, string township, CancellationToken cancellationToken = default)
    {
        if (township.Length == 0) return null;
        var inTownship = (await roster.ListAsync(countyId, cancellationToken).ConfigureAwait(false)).Where(c => c.Township == township).ToList();
        // A leading post covering the whole township first (a village's 第一书记 or 村支书 is not the township's lead).
        static bool Whole(Cadre c) => c.Villages is null || c.Villages.Count == 0;
        static bool Leading(Cadre c) => LeadTitles.Any(t => c.Title.Contains(t, StringComparison.Ordinal));
        var lead = inTownship.FirstOrDefault(c => Whole(c) && Leading(c))
                   ?? inTownship.FirstOrDefault(Whole)
                   ?? inTownship.FirstOrDefault(Leading);
        return lead is null ? null : Contact(lead);
    }

    public async ValueTask<CadreContact?> FindAsync(string countyId, string userIdOrName, string? township,
        CancellationToken cancellationToken = default)
    {
        var text = userIdOrName.Trim();
        if (text.Length == 0) return null;
        if (await roster.GetAsync(countyId, text, cancellationToken).ConfigureAwait(false) is { } byId) return Contact(byId);
        var named = (await roster.ListAsync(countyId, cancellationToken).ConfigureAwait(false)).Where(c => c.Name == text).ToList();
        var match = named.Count == 1 ? named[0] : named.FirstOrDefault(c => c.Township == township);
        return match is null ? null : Contact(match);
    }
}
