using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Knowledge;

/// <summary>One line of a policy Q&amp;A case file (the format of shared/eval/policy-qa-dev.jsonl).</summary>
public sealed class EvalCase
{
    public string Id { get; set; } = "";
    public string County { get; set; } = "";
    public string Question { get; set; } = "";

    /// <summary>"answer", "fallback", or (our own files) "clarify": the bot must ask which topic was meant.</summary>
    public string Kind { get; set; } = "answer";

    [JsonPropertyName("must_include")]
    public List<List<string>> MustInclude { get; set; } = [];

    [JsonPropertyName("must_not_include")]
    public List<string> MustNotInclude { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static List<EvalCase> ReadFile(string path)
    {
        var cases = new List<EvalCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//")) continue;
            try
            {
                cases.Add(JsonSerializer.Deserialize<EvalCase>(line, Json) ?? throw new JsonException("empty line"));
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
        var citesSource = AssistBot.Knowledge.Packs.PackValidator.HasBookTitle(reply);
        if (Kind == "answer" && !citesSource) return "no source document in 《》";
        if (Kind == "fallback" && citesSource) return "answered an out-of-scope question instead of falling back";
        if (Kind == "clarify" && !reply.Contains(AssistBot.Knowledge.Answering.PolicyTexts.ClarifyLead, StringComparison.Ordinal))
            return "did not ask which topic was meant";
        return null;
    }
}
