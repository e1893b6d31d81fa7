using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Knowledge;

/// <summary>
/// One line of a policy Q&amp;A case file. Two shapes share it: the dev-set shape (<c>kind</c> answer / fallback /
/// clarify with <c>must_include</c>), and the labelled shape of <c>tests/eval/</c> (<c>expect</c>: the entry id that
/// must answer, or fallback / clarify; <c>accept</c>: other right entries). A line with <c>turns</c> is a conversation:
/// each turn is a case of its own, asked in the same conversation.
/// </summary>
public sealed class EvalCase
{
    public string Id { get; set; } = "";
    public string County { get; set; } = "";
    public string Question { get; set; } = "";

    /// <summary>"answer", "fallback", or "clarify": the bot must ask which topic was meant (dev-set shape).</summary>
    public string Kind { get; set; } = "answer";

    /// <summary>The entry id that must answer, or <c>fallback</c> / <c>clarify</c> (labelled shape); null in the dev-set shape.</summary>
    public string? Expect { get; set; }

    /// <summary>Other entry ids that are equally right.</summary>
    public List<string> Accept { get; set; } = [];

    public string? Topic { get; set; }
    public string? Aspect { get; set; }
    public string? Style { get; set; }

    /// <summary>
    /// After a turn answered with numbered choices: the entry to pick. The runner sends that choice's number when it
    /// was offered; otherwise <see cref="Question"/> is sent as written.
    /// </summary>
    public string? Choose { get; set; }

    /// <summary>A conversation's turns, asked in order in one conversation.</summary>
    public List<EvalCase>? Turns { get; set; }

    [JsonPropertyName("must_include")]
    public List<List<string>> MustInclude { get; set; } = [];

    [JsonPropertyName("must_not_include")]
    public List<string> MustNotInclude { get; set; } = [];

    public bool IsConversation => Turns is { Count: > 0 };

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static List<EvalCase> ReadFile(string path)
    {
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            try
            {
                var c = JsonSerializer.Deserialize<EvalCase>(line, Json) ?? throw new JsonException("empty line");
                if (c.Turns is { } turns)
                    for (var i = 0; i < turns.Count; i++)
                    {
                        if (string.IsNullOrEmpty(turns[i].Id)) turns[i].Id = $"{c.Id}.{i + 1}";
                        if (string.IsNullOrEmpty(turns[i].County)) turns[i].County = c.County;
                    }
                cases.Add(c);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return cases;
    }

    /// <summary>Checks a reply (all text of the turn, joined) against the case; null when it passes, else the reason.</summary>
    public string? Check(string reply)
    {
        foreach (var group in MustInclude)
            if (!group.Any(s => reply.Contains(s, StringComparison.Ordinal)))
                return $"missing one of [{string.Join(" | ", group)}]";
        foreach (var forbidden in MustNotInclude)
            if (reply.Contains(forbidden, StringComparison.Ordinal))
                return $"contains forbidden \"{forbidden}\"";
        if (Expect is not null) return null; // the labelled shape is judged by EvalScore
        var citesSource = AssistBot.Knowledge.Packs.PackValidator.HasBookTitle(reply);
        if (Kind == "answer" && !citesSource) return "no source document in 《》";
        if (Kind == "fallback" && citesSource) return "answered an out-of-scope question instead of falling back";
        if (Kind == "clarify" && !reply.Contains(AssistBot.Knowledge.Answering.PolicyTexts.ClarifyLead, StringComparison.Ordinal))
            return "did not ask which topic was meant";
        return null;
    }
}
