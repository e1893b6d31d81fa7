using System.Collections.Frozen;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Search;

/// <summary>
/// BM25 over character 1–3-grams of an entry's title, keywords, sample questions and answer (weighted by field),
/// after the pack's rewriting (fillers, synonyms, typos). Postings are precomputed contributions, so a query is: rewrite
/// into a stack buffer, extract grams, sum postings into a reused score array, pick the top three. No allocation and no
/// regex per query. Immutable once built; one instance per county (county entries + national entries).
/// </summary>
public sealed class PolicyIndex
{
    private const float K1 = 1.2f;
    private const float B = 0.6f;
    private const int MaxQueryChars = 160;

    // Field weights: what people call the topic counts most; the answer text only helps recall.
    internal const float TitleWeight = 3f, KeywordWeight = 3f, QuestionWeight = 1.5f, AnswerWeight = 0.4f;

    private readonly FrozenDictionary<ulong, int> _gramIds;
    private readonly int[] _postingStart;   // gram id → first posting (CSR); length = grams + 1
    private readonly int[] _postingEntry;
    private readonly float[] _postingWeight;
    private readonly float[] _gramIdf;      // order-weighted idf, for coverage
    private readonly float _unknownGramIdf;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _titles;

    [ThreadStatic] private static float[]? t_scores;

    // Per-thread work buffers for Search: stackalloc'd ones were zeroed on every call (~3% of a WeChat message's CPU
    // with three to five searches per message). Search is synchronous and never re-entered, so a thread can reuse them.
    [ThreadStatic] private static char[]? t_scratch;
    [ThreadStatic] private static char[]? t_text;
    [ThreadStatic] private static ulong[]? t_grams;

    /// <summary>County entries win near-ties with national ones for their county.</summary>
    internal const float LocalBoost = 1.0f;

    private readonly string[] _outOfScope;

    public PolicyIndex(IReadOnlyList<PolicyEntry> entries, TextRewriter rewriter, string? localPackId = null,
        IEnumerable<string>? outOfScope = null)
    {
        _outOfScope = (outOfScope ?? []).Select(rewriter.Rewrite).Where(t => t.Length > 0).ToArray();
        Entries = entries;
        Rewriter = rewriter;
        var n = entries.Count;
        var tf = new Dictionary<ulong, Dictionary<int, float>>();
        var length = new float[n];
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        var grams = new ulong[1024];

        for (var d = 0; d < n; d++)
        {
            var e = entries[d];
            titles.TryAdd(rewriter.Rewrite(e.Title), d);
            AddField(d, e.Title, TitleWeight);
            foreach (var k in e.Keywords) AddField(d, k, KeywordWeight);
            foreach (var q in e.Questions) AddField(d, q, QuestionWeight);
            AddField(d, e.Answer, AnswerWeight);
        }

        void AddField(int d, string text, float weight)
        {
            var rewritten = rewriter.Rewrite(text);
            if (grams.Length < NGrams.MaxCount(rewritten.Length)) grams = new ulong[NGrams.MaxCount(rewritten.Length)];
            var count = NGrams.Extract(rewritten, grams);
            for (var i = 0; i < count; i++)
            {
                if (!tf.TryGetValue(grams[i], out var docs)) tf[grams[i]] = docs = new Dictionary<int, float>();
                docs[d] = docs.GetValueOrDefault(d) + weight;
            }
            length[d] += weight * count;
        }

        var avg = n == 0 ? 1f : Math.Max(1f, length.Average());
        var ids = new Dictionary<ulong, int>(tf.Count);
        _postingStart = new int[tf.Count + 1];
        _gramIdf = new float[tf.Count];
        var postingEntry = new List<int>();
        var postingWeight = new List<float>();
        foreach (var (gram, docs) in tf)
        {
            var id = ids.Count;
            ids[gram] = id;
            _postingStart[id] = postingEntry.Count;
            var idf = OrderWeight(gram) * Idf(n, docs.Count);
            _gramIdf[id] = idf;
            foreach (var (d, f) in docs.OrderBy(p => p.Key))
            {
                postingEntry.Add(d);
                var boost = localPackId is not null && entries[d].PackId == localPackId ? LocalBoost : 1f;
                postingWeight.Add(boost * idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length[d] / avg)));
            }
        }
        _postingStart[tf.Count] = postingEntry.Count;
        _postingEntry = postingEntry.ToArray();
        _postingWeight = postingWeight.ToArray();
        _gramIds = ids.ToFrozenDictionary();
        _unknownGramIdf = Idf(n, 0);
        _titles = titles.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<PolicyEntry> Entries { get; }

    public TextRewriter Rewriter { get; }

    private static float Idf(int n, int df) => MathF.Log(1 + (n - df + 0.5f) / (df + 0.5f));

    // Longer grams carry more meaning; single characters mostly help with typos and very short questions. Grams made
    // only of question words (什么时候, 多少, 可以, 现在) say how something is asked, not what about: they count little,
    // so "鸡蛋现在什么价" does not match an entry because both contain 什么.
    private static float OrderWeight(ulong gram)
    {
        var order = NGrams.Order(gram);
        var weight = order switch { 1 => 0.35f, 2 => 1f, _ => 1.2f };
        for (var i = 0; i < order; i++)
            if (!QuestionChars.Contains((char)(gram >> (16 * i)))) return weight;
        return weight * 0.15f;
    }

    private static readonly System.Buffers.SearchValues<char> QuestionChars =
        System.Buffers.SearchValues.Create("什么怎样吗呢的是有没几哪些能可以要不了啊吧呀个谁啥多少现在我你他们这那请问一下还都就也很会给让把被到去来说想知道得着过呗嘛");

    /// <summary>Rewritten form of a question, as the index sees it (for tests and diagnostics).</summary>
    public string Normalize(string question) => Rewriter.Rewrite(question);

    /// <summary>
    /// The BM25 score of every entry for the question (same order as <see cref="Entries"/>), written into
    /// <paramref name="into"/>: how the answerer ranks the entries of a topic among themselves. Out-of-scope terms give 0s.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<char> question, Span<float> into)
    {
        into.Clear();
        if (question.Length > MaxQueryChars) question = question[..MaxQueryChars];
        Span<char> scratch = t_scratch ??= new char[MaxQueryChars];
        var textLength = TextRewriter.MaxOutputLength(MaxQueryChars);
        Span<char> text = (t_text is { } t && t.Length >= textLength ? t : t_text = new char[textLength]).AsSpan(0, textLength);
        var length = Rewriter.Rewrite(question, text, scratch);
        var rewritten = text[..length].Trim(CharFolding.Separator);
        var gramCapacity = NGrams.MaxCount(rewritten.Length);
        var grams = (t_grams is { } g && g.Length >= gramCapacity ? g : t_grams = new ulong[NGrams.MaxCount(textLength)])
            .AsSpan(0, gramCapacity);
        var count = NGrams.Extract(rewritten, grams);
        grams = grams[..count];
        grams.Sort();
        for (var i = 0; i < grams.Length; i++)
        {
            if (i > 0 && grams[i] == grams[i - 1]) continue;
            if (!_gramIds.TryGetValue(grams[i], out var id)) continue;
            for (var p = _postingStart[id]; p < _postingStart[id + 1]; p++)
                into[_postingEntry[p]] += _postingWeight[p];
        }
    }

    /// <summary>True when the question names an out-of-scope term (公积金, 房贷 …) of the packs.</summary>
    public bool IsOutOfScope(string question)
    {
        var rewritten = Rewriter.Rewrite(question);
        foreach (var term in _outOfScope)
            if (rewritten.Contains(term, StringComparison.Ordinal)) return true;
        return false;
    }

    public SearchResult Search(ReadOnlySpan<char> question)
    {
        if (question.Length > MaxQueryChars) question = question[..MaxQueryChars];
        Span<char> scratch = t_scratch ??= new char[MaxQueryChars];
        var textLength = TextRewriter.MaxOutputLength(MaxQueryChars);
        Span<char> text = (t_text is { } t && t.Length >= textLength ? t : t_text = new char[textLength]).AsSpan(0, textLength);
        var length = Rewriter.Rewrite(question, text, scratch);
        var rewritten = text[..length].Trim(CharFolding.Separator);

        foreach (var term in _outOfScope)
            if (rewritten.Contains(term, StringComparison.Ordinal)) return default;

        if (_titles.TryGetValue(rewritten, out var titled))
            return new SearchResult(new SearchHit(titled, float.MaxValue, 1f), default, default, 1, exactTitle: true);

        var gramCapacity = NGrams.MaxCount(rewritten.Length);
        var grams = (t_grams is { } g && g.Length >= gramCapacity ? g : t_grams = new ulong[NGrams.MaxCount(textLength)])
            .AsSpan(0, gramCapacity);
        var count = NGrams.Extract(rewritten, grams);
        grams = grams[..count];
        grams.Sort();

        var scores = t_scores is { } s && s.Length >= Entries.Count ? s : t_scores = new float[Math.Max(Entries.Count, 16)];
        scores.AsSpan(0, Entries.Count).Clear();

        var total = 0f;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i > 0 && grams[i] == grams[i - 1]) continue;
            if (!_gramIds.TryGetValue(grams[i], out var id))
            {
                total += OrderWeight(grams[i]) * _unknownGramIdf;
                continue;
            }
            total += _gramIdf[id];
            for (var p = _postingStart[id]; p < _postingStart[id + 1]; p++)
                scores[_postingEntry[p]] += _postingWeight[p];
        }

        int a = -1, b = -1, c = -1;
        for (var d = 0; d < Entries.Count; d++)
        {
            var v = scores[d];
            if (v <= 0) continue;
            if (a < 0 || v > scores[a]) { c = b; b = a; a = d; }
            else if (b < 0 || v > scores[b]) { c = b; b = d; }
            else if (c < 0 || v > scores[c]) c = d;
        }
        if (a < 0) return default;

        // Coverage: the share of the question's (idf-weighted) grams that occur in the hit at all. Postings are sorted
        // by entry, so membership of the top three is a binary search, not a second scan.
        float ca = 0, cb = 0, cc = 0;
        for (var i = 0; i < grams.Length; i++)
        {
            if (i > 0 && grams[i] == grams[i - 1]) continue;
            if (!_gramIds.TryGetValue(grams[i], out var id)) continue;
            var postings = _postingEntry.AsSpan(_postingStart[id], _postingStart[id + 1] - _postingStart[id]);
            if (postings.BinarySearch(a) >= 0) ca += _gramIdf[id];
            if (b >= 0 && postings.BinarySearch(b) >= 0) cb += _gramIdf[id];
            if (c >= 0 && postings.BinarySearch(c) >= 0) cc += _gramIdf[id];
        }
        total = Math.Max(total, 1e-6f);
        var hits = b < 0 ? 1 : c < 0 ? 2 : 3;
        return new SearchResult(
            new SearchHit(a, scores[a], ca / total),
            b < 0 ? default : new SearchHit(b, scores[b], cb / total),
            c < 0 ? default : new SearchHit(c, scores[c], cc / total),
            hits, exactTitle: false);
    }
}
