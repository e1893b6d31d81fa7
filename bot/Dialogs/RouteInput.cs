using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Dialogs;

/// <summary>The user's input as the router sees it.</summary>
public sealed class RouteInput(Activity activity)
{
    public Activity Activity { get; } = activity;

    /// <summary>The text as received (voice: the recognition).</summary>
    public string Text { get; } = activity.Text ?? "";

    /// <summary>Every form of the text from cleaned to fully stripped (see <see cref="TextNormalizer.Variants"/>).</summary>
    public IReadOnlyList<string> Variants { get; } = TextNormalizer.Variants(activity.Text);

    /// <summary>Trimmed, half-width, no punctuation, fillers (那个/嗯/就是/我想问下…) removed.</summary>
    /// <remarks>The last variant is <see cref="TextNormalizer.ForCommand"/>'s result; reusing it normalizes the text once.</remarks>
    public string Normalized => Variants[^1];

    public bool ContainsAny(IEnumerable<string> keywords) =>
        keywords.Any(k => Variants[0].Contains(k, StringComparison.Ordinal));

    public bool IsAny(IReadOnlySet<string> words) => Variants.Any(words.Contains);

    private Dictionary<object, object?>? _memo;

    /// <summary>
    /// A value derived from this input, computed once per turn however often it is asked for (e.g. a handler's
    /// <c>Match</c> and then its <c>CreateOptions</c>). <paramref name="key"/> identifies the computation.
    /// </summary>
    public T Memo<T>(object key, Func<RouteInput, T> compute)
    {
        _memo ??= new Dictionary<object, object?>(ReferenceEqualityComparer.Instance);
        if (_memo.TryGetValue(key, out var cached)) return (T)cached!;
        var value = compute(this);
        _memo[key] = value;
        return value;
    }
}
