using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Records a farmer can bind their WeChat account to (households, loans), found by one keyed hash of
/// name + last 6 of the ID number + phone — so binding never stores or compares those in the clear.
/// Importers of households and loans register their records here.
/// </summary>
public sealed class BindingRegistry(IDocumentStore storage, PersonalDataProtector protector)
{
    public const string HouseholdKind = "household";
    public const string LoanKind = "loan";

    /// <summary>The binding hash, or null when one of the three parts is missing or malformed.</summary>
    public string? Hash(string? name, string? idNumberOrLastSix, string? phone)
    {
        var cleanName = CaseText.Compact(name);
        var id = ChineseDigits.Fold(idNumberOrLastSix);
        var phoneCheck = PhoneNumber.Check(phone);
        if (cleanName.Length == 0 || id.Length < 6 || !phoneCheck.IsValid) return null;
        return protector.LookupHash("bind", $"{cleanName}|{IdNumber.LastSix(id)}|{phoneCheck.Normalized}");
    }

    public async Task RegisterAsync(string county, string hash, BindingSubject subject, CancellationToken ct = default)
    {
        await storage.UpdateAsync<List<BindingSubject>>(CaseKeys.BindingCandidate(county, hash),
            list => list is null ? [subject] : list.Contains(subject) ? list : [.. list, subject], cancellationToken: ct).ConfigureAwait(false);
    }

    public async Task UnregisterAsync(string county, string hash, BindingSubject subject, CancellationToken ct = default)
    {
        await storage.UpdateAsync<List<BindingSubject>>(CaseKeys.BindingCandidate(county, hash),
            list => list is null ? [] : list.Where(s => s != subject).ToList(), cancellationToken: ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BindingSubject>> FindAsync(string county, string hash, CancellationToken ct = default) =>
        (await storage.ReadAsync<List<BindingSubject>>(CaseKeys.BindingCandidate(county, hash), ct).ConfigureAwait(false))?.Value ?? [];
}
