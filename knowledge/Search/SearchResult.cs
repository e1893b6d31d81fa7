namespace AssistBot.Knowledge.Search;

public readonly struct SearchResult
{
    public SearchResult(SearchHit first, SearchHit second, SearchHit third, int count, bool exactTitle)
        => (First, Second, Third, Count, ExactTitle) = (first, second, third, count, exactTitle);

    public SearchHit First { get; }
    public SearchHit Second { get; }
    public SearchHit Third { get; }

    /// <summary>How many of First/Second/Third are set.</summary>
    public int Count { get; }

    /// <summary>The question was exactly an entry's title (a clarify choice sent back as its label).</summary>
    public bool ExactTitle { get; }

    public SearchHit this[int i] => i switch { 0 => First, 1 => Second, _ => Third };
}
