using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Knowledge;

/// <summary>How a question was read and why the answer was chosen, as lines for county staff (explain and eval --explain).</summary>
public static class ExplainText
{
    public static IEnumerable<string> Lines(PolicyAnswer answer, PolicyContext context)
    {
        if (answer.Reading is { } r)
        {
            var mentions = r.Mentions.Count == 0 ? "none"
                : string.Join(", ", r.Mentions.Select(m => $"{m.Topic}「{m.Cue}」@{m.Start}-{m.Start + m.Length}{(m.Tier == AssistBot.Knowledge.Understanding.CueTier.Hint ? " (hint)" : "")}"));
            yield return $"reading: topics {(r.Topics.Count == 0 ? "none" : string.Join(", ", r.Topics))} (cues: {mentions})";
            yield return $"         aspect {r.Aspect ?? "none"}{(r.AspectIsLoose ? " (loose)" : "")} (cues: {(r.AspectCues.Count == 0 ? "none" : string.Join(", ", r.AspectCues.Select(a => $"{a.Aspect}「{a.Cue}」")))})";
            yield return $"         county {r.County ?? "not named"}, yes/no {(r.YesNo ? "yes" : "no")}, asking: {(r.Askers.Count == 0 ? "not said" : string.Join(", ", r.Askers))}";
        }
        if (context.LastTopic is not null || context.LastAspect is not null)
            yield return $"memory:  topic {context.LastTopic ?? "-"}, aspect {context.LastAspect ?? "-"}, county {context.LastCounty ?? "-"}, last entry {context.LastEntryId ?? "-"}" +
                (context.LastCountAsked is { } count ? $", count asked «{count}»" : "") +
                (answer.Inherited ? " → inherited" : "");
        foreach (var why in answer.Why) yield return "why:     " + why;
        yield return $"outcome: {answer.Outcome.ToString().ToLowerInvariant()}" + answer.Outcome switch
        {
            PolicyOutcome.Answer => $" {answer.TopicId} ({answer.County})",
            PolicyOutcome.Clarify => $" [{string.Join(", ", answer.ChoiceIds)}]",
            _ => "",
        };
    }
}
