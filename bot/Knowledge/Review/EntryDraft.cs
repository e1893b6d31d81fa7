using System.Text;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>A new entry as staff typed it.</summary>
public sealed record EntryDraft(string Title, string Answer, string Source, string Topic, IReadOnlyList<string> Aspects, string Question);
