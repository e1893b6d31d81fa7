using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Whose month a preview shows: the county (everything), a township, a village (its places, "乡镇/村"), or a person
/// (WeCom UserId or roster name: what reaches them). Names of recipients come from the roster.
/// </summary>
public sealed class PreviewScope
{
    private readonly string? _userId;
    private readonly string? _township;
    private readonly string? _village;
    private readonly IReadOnlyDictionary<string, string> _names;

    private PreviewScope(string? userId, string? township, string? village, IReadOnlyDictionary<string, string> names) =>
        (_userId, _township, _village, _names) = (userId, township, village, names);

    /// <summary>The scope, or an error in Chinese when the person is not on the roster.</summary>
    public static async Task<(PreviewScope? Scope, string? Error)> ResolveAsync(ICadreDirectory cadres, string countyId, string? person,
        string? township, string? village, CancellationToken cancellationToken)
    {
        var roster = await cadres.ListAsync(countyId, cancellationToken).ConfigureAwait(false);
        var names = roster.GroupBy(c => c.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(person))
        {
            var found = await cadres.FindAsync(countyId, person, township, cancellationToken).ConfigureAwait(false);
            if (found is null) return (null, $"干部名单里没有“{person}”（可写企业微信账号或姓名）");
            userId = found.UserId;
        }
        return (new PreviewScope(userId, Blank(township), Blank(village), names), null);
    }

    public bool Includes(OutboxMessage message)
    {
        if (_userId is not null && message.Recipient.UserId != _userId && message.FallbackRecipient?.UserId != _userId) return false;
        if (_township is null && _village is null) return true;
        var (township, village) = Split(message.Place);
        if (_township is not null && !Same(township, _township)) return false;
        return _village is null || Same(village, _village);
    }

    /// <summary>"刘干部" for a cadre on the roster, else null.</summary>
    public string? NameOf(OutboxRecipient recipient) =>
        recipient.Channel == OutboxRecipient.WeCom && _names.TryGetValue(recipient.UserId, out var name) ? name : null;

    private static (string Township, string Village) Split(string? place)
    {
        if (place is null) return ("", "");
        var slash = place.IndexOf('/');
        return slash < 0 ? (place, "") : (place[..slash], place[(slash + 1)..]);
    }

    /// <summary>大塘埠 = 大塘埠镇, 代屋 = 代屋村.</summary>
    private static bool Same(string actual, string wanted) =>
        actual.Length > 0 && (actual == wanted || actual.StartsWith(wanted, StringComparison.Ordinal) && actual.Length - wanted.Length <= 2);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
