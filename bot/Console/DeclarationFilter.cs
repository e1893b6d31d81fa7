using AssistBot.Bot.Cases;

namespace AssistBot.Bot.StaffConsole;

/// <summary>What the 申报 list is filtered by (query string of /console/declarations).</summary>
public sealed class DeclarationFilter
{
    /// <summary>"open" (default), "all", or a status key (submitted, accepted, verified, included, not_included).</summary>
    public string? Status { get; set; }

    public string? Township { get; set; }

    public string? Village { get; set; }

    /// <summary>A <see cref="HardshipType"/> name.</summary>
    public string? Type { get; set; }

    /// <summary>Submitted on or after (China date, yyyy-MM-dd).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Submitted on or before (China date).</summary>
    public DateOnly? To { get; set; }
}
