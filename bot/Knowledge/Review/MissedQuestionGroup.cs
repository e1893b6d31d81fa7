using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>
/// Wordings that read alike, shown as one group with their total count: character pairs (digits and masked names left
/// out) of which at least <see cref="Similarity"/> of the shorter wording's appear in the other.
/// </summary>
public sealed record MissedQuestionGroup(MissedQuestion Lead, IReadOnlyList<MissedQuestion> Wordings)
{
    public int Count => Wordings.Sum(w => w.Count);

    public DateTimeOffset LastAt => Wordings.Max(w => w.LastAt);

    public bool Handled => Lead.HandledEntryId is not null;

    public const double Similarity = 0.7;

    public static IReadOnlyList<MissedQuestionGroup> Group(IEnumerable<MissedQuestion> questions)
    {
        var groups = new List<(HashSet<string> Pairs, List<MissedQuestion> Members)>();
        foreach (var q in questions.OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAt))
        {
            var pairs = Pairs(new string(MissedQuestionStore.Normalize(q.Text.Replace("某某", "", StringComparison.Ordinal))
                .Where(c => !char.IsDigit(c)).ToArray()));
            var home = groups.FirstOrDefault(g => Overlap(g.Pairs, pairs) >= Similarity);
            if (home.Members is null) groups.Add((pairs, [q]));
            else home.Members.Add(q);
        }
        return groups.Select(g => new MissedQuestionGroup(g.Members[0], g.Members))
            .OrderByDescending(g => g.Handled ? 0 : 1).ThenByDescending(g => g.Count).ThenByDescending(g => g.LastAt).ToList();
    }

    private static HashSet<string> Pairs(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.Length == 1) set.Add(s);
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        return set;
    }

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        return (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);
    }

    public string LastAtDisplay => LastAt.ToChina().ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
