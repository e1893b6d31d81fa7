using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>
/// One wording of a policy question the bot could not answer (fallback) or had to ask back about (clarify), kept
/// masked (ID numbers, phones, self-given names) for county staff to improve the packs.
/// </summary>
public sealed record MissedQuestion
{
    public required string CountyId { get; init; }

    /// <summary>Hash of the normalised wording: the same question asked again counts here.</summary>
    public required string Key { get; init; }

    public required string Text { get; init; }

    /// <summary>"fallback" or "clarify" (the last time).</summary>
    public required string Outcome { get; init; }

    public int Count { get; init; }

    public DateTimeOffset FirstAt { get; init; }

    public DateTimeOffset LastAt { get; init; }

    /// <summary>Set when staff attached it to an entry or drafted one from it (cleared by undo).</summary>
    public string? HandledEntryId { get; init; }

    public string? HandledBy { get; init; }
}
