using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>
/// The owner of <see cref="MissedQuestion"/> records: one document per county and wording, a time-ordered index by last
/// asked. Written by the policy Q&amp;A on every fallback or clarify; read by the staff console.
/// </summary>
public sealed class MissedQuestionStore(IDocumentStore documents, IScoredIndex scoredIndex, TimeProvider time,
    ILogger<MissedQuestionStore> logger)
{
    public const int MaxLength = 200;

    public async Task RecordAsync(string county, string question, string outcome, CancellationToken ct = default)
    {
        var text = Clean(question);
        var normalized = Normalize(text);
        if (normalized.Length == 0) return;
        var key = Hash(normalized);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var item = await documents.ReadAsync<MissedQuestion>(DocKey(county, key), ct).ConfigureAwait(false);
            var record = item?.Value is { } old
                ? old with { Count = old.Count + 1, LastAt = now, Outcome = outcome }
                : new MissedQuestion { CountyId = county, Key = key, Text = text, Outcome = outcome, Count = 1, FirstAt = now, LastAt = now };
            try
            {
                await documents.WriteAsync(DocKey(county, key), record, WriteCondition.For(item), null, ct).ConfigureAwait(false);
                await scoredIndex.IndexAddAsync(Index(county), key, now.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException)
            {
            }
        }
        logger.LogWarning("Missed question for {County} not counted after 8 conflicting writes", county);
    }

    public async Task<MissedQuestion?> GetAsync(string county, string key, CancellationToken ct = default) =>
        (await documents.ReadAsync<MissedQuestion>(DocKey(county, key), ct).ConfigureAwait(false))?.Value;

    /// <summary>Marks a wording handled (or not, with nulls) by staff.</summary>
    public async Task SetHandledAsync(string county, string key, string? entryId, string? by, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var item = await documents.ReadAsync<MissedQuestion>(DocKey(county, key), ct).ConfigureAwait(false);
            if (item is null) return;
            try
            {
                await documents.WriteAsync(DocKey(county, key), item.Value with { HandledEntryId = entryId, HandledBy = by },
                    WriteCondition.IfMatch(item.ETag), null, ct).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException)
            {
            }
        }
    }

    /// <summary>Wordings last asked in [from, to), newest first.</summary>
    public async Task<IReadOnlyList<MissedQuestion>> ListAsync(string county, DateTimeOffset from, DateTimeOffset to, int take = 1000,
        CancellationToken ct = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(Index(county), from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds() - 1, 0, 5000, ct).ConfigureAwait(false);
        var result = new List<MissedQuestion>();
        foreach (var entry in page.Reverse())
        {
            if (await documents.ReadAsync<MissedQuestion>(DocKey(county, entry.Member), ct).ConfigureAwait(false) is { } item) result.Add(item.Value);
            if (result.Count >= take) break;
        }
        return result;
    }

    /// <summary>What is kept of a question: ID numbers, phones and self-given names masked, at most <see cref="MaxLength"/> characters.</summary>
    public static string Clean(string question)
    {
        var text = PersonalDataMask.Names(PersonalDataMask.Text(question.Trim()));
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    /// <summary>Letters and digits only, full-width folded, lower case: "低保，怎么申请？" and "低保怎么申请" are one wording.</summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    public static string Hash(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..20];

    private static string DocKey(string county, string key) => $"qa-missed/{county}/{key}";

    private static string Index(string county) => $"qa-missed-index/{county}";
}
