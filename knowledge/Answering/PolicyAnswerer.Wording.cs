using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>How an answer is put: the how-to line when the question asks what only it says; a word when it repeats the last answer.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// "能直接去银行网点问小额贷款吗" is answered by the loan's application entry, whose answer speaks of the five steps
    /// and whose how-line names the bank branch. Without an aspect word the plain answer would leave out the very thing
    /// asked. A pair of the question's own words that the how-line says and the answer does not adds that line.
    /// </summary>
    private static PolicyAnswer WithHowWhenAsked(PolicyAnswer answer, QuestionReading? reading)
    {
        if (answer.Outcome != PolicyOutcome.Answer || answer.Entries.Count != 1 || reading is null) return answer;
        var entry = answer.Entries[0];
        if (entry.How is not { } how || PlainAnswerStart(answer.Text, entry) is not { } start) return answer;
        if (AskedOnlyOfHow(reading.Rest, entry, how) is not { } at) return answer;
        return answer with
        {
            Text = $"{answer.Text.AsSpan(0, start)}{entry.Answer}\n\n{PolicyTexts.HowLead}{how}\n{PolicyTexts.SourcePrefix}{entry.Source}",
            Why = [.. answer.Why, $"«{reading.Rest.AsSpan(at, 2)}» asked, which only the how-line of {entry.Id} says: added"],
        };
    }

    /// <summary>
    /// Where the entry's answer starts when the reply is that answer and its source line and nothing else (after a county
    /// prefix); null for any other reply. Compared piece by piece from the end: this runs on every answer, so no string
    /// is built for it.
    /// </summary>
    private static int? PlainAnswerStart(string text, PolicyEntry entry)
    {
        var rest = text.AsSpan();
        if (!rest.EndsWith(entry.Source, StringComparison.Ordinal)) return null;
        rest = rest[..^entry.Source.Length];
        if (!rest.EndsWith(PolicyTexts.SourcePrefix, StringComparison.Ordinal)) return null;
        rest = rest[..^PolicyTexts.SourcePrefix.Length];
        if (!rest.EndsWith("\n", StringComparison.Ordinal)) return null;
        rest = rest[..^1];
        return rest.EndsWith(entry.Answer, StringComparison.Ordinal) ? rest.Length - entry.Answer.Length : null;
    }

    /// <summary>Where in <paramref name="rest"/> a pair of the question's own words starts that the how-line says and neither the answer nor the title does.</summary>
    private static int? AskedOnlyOfHow(string rest, PolicyEntry entry, string how)
    {
        for (var i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] == ' ' || rest[i + 1] == ' ') continue;
            var pair = rest.AsSpan(i, 2);
            if (how.AsSpan().IndexOf(pair, StringComparison.Ordinal) >= 0 && entry.Answer.AsSpan().IndexOf(pair, StringComparison.Ordinal) < 0
                && entry.Title.AsSpan().IndexOf(pair, StringComparison.Ordinal) < 0)
                return i;
        }
        return null;
    }

    /// <summary>
    /// A follow-up answered by the very entry the farmer just read ("能贷多少" after the loan paragraph that says 5万):
    /// the same paragraph again, without a word, reads as if the question was not heard. It says so first. Not when the
    /// how-to line comes with it ("那怎么申请呢"): that is the new part, and the answer reads as one. Nor when another county
    /// is asked ("那禹州呢" of a national rule): the county's lead says what is new.
    /// </summary>
    private static PolicyAnswer SaidJustBefore(PolicyAnswer answer, PolicyContext context)
    {
        if (answer.Outcome != PolicyOutcome.Answer || answer.Entries.Count != 1 || context.LastEntryId != answer.Entries[0].Id
            || (context.LastCounty is { } lastCounty && lastCounty != answer.County)
            || !answer.Text.Contains(answer.Entries[0].Answer, StringComparison.Ordinal)
            || answer.Text.Contains(PolicyTexts.HowLead, StringComparison.Ordinal))
            return answer;
        return answer with { Text = PolicyTexts.SameAsBefore + answer.Text };
    }
}
