namespace AssistBot.Knowledge.Search;

/// <summary>The best entries for a question: up to three, best first, with BM25 score and query coverage.</summary>
public readonly record struct SearchHit(int Entry, float Score, float Coverage);
