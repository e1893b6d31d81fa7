using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// "信丰和禹州衔接资金用在产业上的比例哪个高", "禹州的监测线跟我们信丰一样吗": two configured counties named and compared.
/// Each county's answer is given under its name, so the farmer sees both figures, not one county's as if it answered.
/// </summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>Words that compare (not 比例, which asks a share).</summary>
    private static readonly string[] CompareWords =
        ["哪个高", "哪个多", "哪个低", "哪个少", "哪个大", "哪个好", "哪边高", "哪边多", "谁高", "谁多", "一样", "一个样", "各是", "各自", "分别", "区别", "差别", "不同", "相比", "比较", "有啥差", "差多少"];

    private PolicyAnswer? BothCounties(string countyPackId, string question, PolicyAnswer whole)
    {
        if (whole.Reading is not { NamedCounties.Count: 2 } reading || !Compares(reading.Folded)) return null;
        var current = snapshot();
        var parts = new List<(CountyKnowledge Knowledge, PolicyAnswer Answer)>(2);
        foreach (var (county, _, _) in reading.NamedCounties)
        {
            if (current.ForCounty(county) is not { } knowledge) return null;
            // The question with only this county's name left in it, asked afresh.
            var alone = reading.Folded;
            foreach (var (other, start, length) in reading.NamedCounties.OrderByDescending(n => n.Start))
                if (other != county) alone = alone.Remove(start, length);
            parts.Add((knowledge, AnswerWhole(countyPackId, alone, PolicyContext.None)));
        }
        var answered = parts.Where(p => p.Answer.Outcome == PolicyOutcome.Answer).ToList();
        if (answered.Count == 0 || (parts[0].Answer.Entries.Count > 0 && parts[1].Answer.Entries.Count > 0
            && parts[0].Answer.Entries[0].Id == parts[1].Answer.Entries[0].Id))
            return null;
        var text = string.Join("\n\n", parts.Select(p => PolicyTexts.CountyPart(p.Knowledge.Pack.CountyName, p.Answer.Text)));
        var entries = answered.SelectMany(p => p.Answer.Entries).ToList();
        var first = answered[0].Answer;
        string[] why = [.. whole.Why, .. parts.Select(p => $"compared: {p.Knowledge.Pack.CountyName} → {p.Answer.Outcome} {string.Join(",", p.Answer.Entries.Select(e => e.Id))}")];
        return new PolicyAnswer(PolicyOutcome.Answer, text, entries, [], entries[0].Id)
            { Reading = reading, Topic = first.Topic, Aspect = first.Aspect, County = first.County, Why = why };
    }

    private static bool Compares(string folded) =>
        Text.WordList.AnyIn(folded, CompareWords);
}
