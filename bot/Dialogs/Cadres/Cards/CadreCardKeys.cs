namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>What a card button does: the action and its target, carried in the button's key ("accept|XF-20240515-0007").</summary>
public sealed record CadreCardKey(string Action, string Target, string? Duty = null)
{
    public const string Accept = "accept";
    public const string Transfer = "transfer";
    public const string VerifiedTrue = "true";
    public const string VerifiedFalse = "false";
    public const string Include = "include";
    public const string Reject = "reject";
    public const string Visited = "visited";
    public const string Later = "later";
    public const string Repaid = "repaid";

    private static readonly HashSet<string> Actions =
        [Accept, Transfer, VerifiedTrue, VerifiedFalse, Include, Reject, Visited, Later, Repaid];

    public override string ToString() => Duty is null ? $"{Action}|{Target}" : $"{Action}|{Target}|{Duty}";

    /// <summary>A key from a callback; null for anything this service did not put on a card.</summary>
    public static CadreCardKey? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 512) return null;
        var parts = key.Split('|');
        if (parts.Length is < 2 or > 3 || !Actions.Contains(parts[0]) || parts[1].Length == 0) return null;
        return new CadreCardKey(parts[0], parts[1], parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null);
    }
}
