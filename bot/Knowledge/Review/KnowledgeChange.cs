using System.Text;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>One change staff made to a county's pack files, with what the file held before (for undo).</summary>
public sealed record KnowledgeChange
{
    public required string Id { get; init; }

    public required string CountyId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary>"attach" (a sample phrasing added to an entry) or "new" (a drafted entry).</summary>
    public required string Kind { get; init; }

    public required string EntryId { get; init; }

    public required string Question { get; init; }

    /// <summary>The missed-question wording this came from (to mark and unmark it).</summary>
    public string? MissedKey { get; init; }

    /// <summary>Path relative to the packs directory.</summary>
    public required string File { get; init; }

    /// <summary>The file's text before the change; null when the change created the file.</summary>
    public string? Before { get; init; }

    public required string After { get; init; }

    public DateTimeOffset? UndoneAt { get; init; }

    public string? UndoneBy { get; init; }
}
