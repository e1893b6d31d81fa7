using System.Text.RegularExpressions;

namespace AssistBot.Knowledge.Packs;

/// <summary>
/// Turns a pack file's problem into a <see cref="PackIssue"/> with its line: YAML errors carry the line already
/// ("file:line: …"); a rule problem names an entry (duty x, window y, township z) or a key, and the line is where the
/// file writes it, so county staff are sent to the right place.
/// </summary>
public static partial class PackIssueLines
{
    /// <summary>An <see cref="InvalidDataException"/> from a loader ("file:line: message" or "file: message").</summary>
    public static PackIssue FromException(string path, InvalidDataException ex)
    {
        var message = ex.Message.StartsWith(path + ":", StringComparison.Ordinal) ? ex.Message[(path.Length + 1)..] : ex.Message;
        var withLine = LinePrefix().Match(message);
        return withLine.Success
            ? PackIssue.Error(path, int.Parse(withLine.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), withLine.Groups[2].Value)
            : Locate(path, message.Trim());
    }

    /// <summary>An error for <paramref name="problem"/>, at the line of the entry or key it names (0 when none is found).</summary>
    public static PackIssue Locate(string path, string problem)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        return PackIssue.Error(path, LineOf(lines, problem), problem);
    }

    private static int LineOf(string[] lines, string problem)
    {
        if (NamedEntry().Match(problem) is { Success: true } entry && Find(lines, IdValue(entry.Groups[1].Value)) is > 0 and var idLine)
            return idLine;
        if (NamedKey().Match(problem) is { Success: true } key && Find(lines, KeyName(key.Groups[1].Value.Split('.')[^1])) is > 0 and var keyLine)
            return keyLine;
        return 0;
    }

    private static int Find(string[] lines, Regex pattern)
    {
        for (var i = 0; i < lines.Length; i++)
            if (pattern.IsMatch(lines[i])) return i + 1;
        return 0;
    }

    private static Regex IdValue(string id) => new($@":\s*[""']?{Regex.Escape(id)}[""']?\s*(#.*)?$");

    private static Regex KeyName(string key) => new($@"^\s*(-\s*)?[""']?{Regex.Escape(key)}[""']?\s*:");

    [GeneratedRegex(@"^(\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex LinePrefix();

    /// <summary>"duty visit-monthly: …", "window id 'w1' …", "township 大塘埠镇 is listed twice", "subject type 'x' …".</summary>
    [GeneratedRegex(@"^(?:duty|window|role|township|subject type|uncovered)(?: id)? '?([^\s':]+)'?")]
    private static partial Regex NamedEntry();

    /// <summary>The first key a problem names: 'county', sendTime, loans.supervisionMonths, next_steps.x.step.</summary>
    [GeneratedRegex(@"'?([A-Za-z_][A-Za-z_]*(?:\.[A-Za-z_][\w-]*)*)'?")]
    private static partial Regex NamedKey();
}
