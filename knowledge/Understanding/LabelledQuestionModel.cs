using System.Buffers;
using System.Runtime.InteropServices;

namespace AssistBot.Knowledge.Understanding;

/// <summary>
/// What the labelled questions most like this one were answered with: a multinomial naive Bayes over the folded
/// characters, pairs and triples of farmers' own wordings (a pack's <c>labelled-questions.yaml</c> and the entries'
/// sample questions). The rules read what a question names; this reads how people ask, so it catches wordings no cue
/// list holds (typos, dialect, roundabout ways of asking). Built once per snapshot; predicting allocates nothing.
/// </summary>
public sealed class LabelledQuestionModel
{
    /// <summary>Additive smoothing of the counts.</summary>
    private const double Alpha = 0.1;

    private readonly string[] _labels;
    private readonly double[] _base;            // log prior
    private readonly double[] _unseen;          // log(α / (tokens + V·α)): a gram the label never saw
    private readonly Dictionary<ulong, Gram> _grams;

    /// <summary>Label count rounded up to whole SIMD vectors: the length of a dense row and of the score buffer.</summary>
    private readonly int _width;

    private readonly record struct Posting(int Label, double Gain);

    /// <summary>
    /// What one gram adds to each label's log-likelihood. A gram most labels used (的, 多少, 怎么) is a dense row added
    /// with SIMD; a rarer one is a short list of the labels that used it. <see cref="Labels"/> counts those labels.
    /// </summary>
    private sealed class Gram(Posting[]? sparse, double[]? dense, int labels)
    {
        public Posting[]? Sparse { get; } = sparse;
        public double[]? Dense { get; } = dense;
        public int Labels { get; } = labels;

        public bool UsedBy(int label)
        {
            if (Dense is { } row) return row[label] != 0;
            foreach (var p in Sparse!) if (p.Label == label) return true;
            return false;
        }
    }

    /// <summary>A gram used by at least this share of the labels is stored as a dense row.</summary>
    private const int DenseFromOneIn = 4;

    public static LabelledQuestionModel Empty { get; } = new([]);

    /// <param name="examples">(label, question) pairs: an entry id, or a reserved label such as <c>fallback</c>.</param>
    public LabelledQuestionModel(IEnumerable<(string Label, string Question)> examples)
    {
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        var perLabel = new List<(int Questions, int Tokens)>();
        Span<ulong> grams = stackalloc ulong[MaxGrams];
        foreach (var (label, question) in examples)
        {
            if (!labelIndex.TryGetValue(label, out var y))
            {
                y = labelIndex[label] = labelIndex.Count;
                perLabel.Add((0, 0));
            }
            var n = Grams(question, grams);
            perLabel[y] = (perLabel[y].Questions + 1, perLabel[y].Tokens + n);
            foreach (var g in grams[..n])
            {
                ref var byLabel = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, g, out _);
                byLabel ??= [];
                byLabel[y] = byLabel.GetValueOrDefault(y) + 1;
            }
        }
        _labels = new string[labelIndex.Count];
        foreach (var (label, y) in labelIndex) _labels[y] = label;
        var total = perLabel.Sum(p => p.Questions);
        _base = perLabel.Select(p => Math.Log((double)p.Questions / total)).ToArray();
        var vocabulary = counts.Count;
        _unseen = perLabel.Select(p => Math.Log(Alpha / (p.Tokens + vocabulary * Alpha))).ToArray();
        _width = (_labels.Length + System.Numerics.Vector<double>.Count - 1) / System.Numerics.Vector<double>.Count
            * System.Numerics.Vector<double>.Count;
        _grams = counts.ToDictionary(c => c.Key, c =>
        {
            var postings = c.Value.Select(kv => new Posting(kv.Key, Math.Log((kv.Value + Alpha) / Alpha))).ToArray();
            if (postings.Length * DenseFromOneIn < _labels.Length) return new Gram(postings, null, postings.Length);
            var row = new double[_width];
            foreach (var p in postings) row[p.Label] = p.Gain;
            return new Gram(null, row, postings.Length);
        });
    }

    public int Count => _labels.Length;

    /// <summary>
    /// The most likely label among those <paramref name="allowed"/> lets through, by how much (natural log of the odds
    /// against the runner-up), and the share of the question's character pairs that label's questions used, each pair
    /// weighed by how rare it is among the labels (low for a question about something none of them spoke of: 考驾照 is
    /// not 技能培训 however it is phrased); null when fewer than two labels are allowed.
    /// </summary>
    public (string Label, double Margin, double Seen)? Predict(string question, Func<string, bool> allowed)
    {
        if (_labels.Length < 2) return null;
        Span<ulong> grams = stackalloc ulong[MaxGrams];
        var n = Grams(question, grams);
        var scores = ArrayPool<double>.Shared.Rent(_width);
        try
        {
            scores.AsSpan(0, _width).Clear();
            for (var y = 0; y < _labels.Length; y++) scores[y] = _base[y] + n * _unseen[y];
            var all = scores.AsSpan(0, _width);
            foreach (var g in grams[..n])
            {
                if (!_grams.TryGetValue(g, out var gram)) continue;
                if (gram.Dense is { } row) AddRow(all, row);
                else foreach (var p in gram.Sparse!) scores[p.Label] += p.Gain;
            }
            int best = -1, second = -1;
            for (var y = 0; y < _labels.Length; y++)
            {
                if (!allowed(_labels[y])) continue;
                if (best < 0 || scores[y] > scores[best]) (second, best) = (best, y);
                else if (second < 0 || scores[y] > scores[second]) second = y;
            }
            if (second < 0) return null;
            // Pairs weighed by how few labels use them: 哪里 or 办理 say little, 离婚 or 驾照 (used by none) say a lot.
            var rarest = Math.Log(_labels.Length + 1.0);
            double weights = 0, seen = 0;
            foreach (var g in grams[..n])
            {
                if (g >> 48 != 2) continue;
                if (!_grams.TryGetValue(g, out var gram)) { weights += rarest; continue; }
                var weight = Math.Log((_labels.Length + 1.0) / (gram.Labels + 1.0));
                weights += weight;
                if (gram.UsedBy(best)) seen += weight;
            }
            return (_labels[best], scores[best] - scores[second], weights == 0 ? 0 : seen / weights);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }

    /// <summary>scores += row, a SIMD vector at a time (both are <see cref="_width"/> long; padding adds zeros).</summary>
    private static void AddRow(Span<double> scores, double[] row)
    {
        var into = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(scores);
        var from = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(row.AsSpan());
        for (var i = 0; i < into.Length; i++) into[i] += from[i];
    }

    /// <summary>Questions longer than this are cut: a message, not an essay.</summary>
    private const int MaxChars = 80;
    private const int MaxGrams = MaxChars * 3;

    /// <summary>Single characters, pairs and triples of the folded question, each packed into one number.</summary>
    private static int Grams(string question, Span<ulong> into)
    {
        Span<char> folded = stackalloc char[Math.Min(question.Length, MaxChars)];
        var length = CueMatcher<int>.Fold(question.AsSpan(0, Math.Min(question.Length, MaxChars)), folded);
        var n = 0;
        for (var size = 1; size <= 3; size++)
            for (var i = 0; i + size <= length; i++)
            {
                ulong key = (ulong)size << 48;
                for (var k = 0; k < size; k++) key |= (ulong)folded[i + k] << (16 * k);
                into[n++] = key;
            }
        return n;
    }
}
