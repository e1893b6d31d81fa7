namespace AssistBot.Knowledge.Packs;

public enum PackIssueSeverity { Warning, Error }

/// <summary>A problem found in a pack file, with where it is so county staff can fix it.</summary>
public sealed record PackIssue(PackIssueSeverity Severity, string File, int Line, string Message)
{
    public static PackIssue Error(string file, int line, string message) => new(PackIssueSeverity.Error, file, line, message);
    public static PackIssue Warning(string file, int line, string message) => new(PackIssueSeverity.Warning, file, line, message);

    public override string ToString() =>
        $"{(Severity == PackIssueSeverity.Error ? "error" : "warning")}: {File}{(Line > 0 ? $":{Line}" : "")}: {Message}";
}
