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
        if (entry.How is not { } how) return answer;
        var plainEnding = entry.Answer + "\n" + PolicyTexts.SourcePrefix + entry.Source;
        if (!answer.Text.EndsWith(plainEnding, StringComparison.Ordinal)) return answer;
        if (AskedOnlyOfHow(reading.Rest, entry.Answer + entry.Title, how) is not { } pair) return answer;
        var prefix = answer.Text[..^plainEnding.Length];
        return answer with
        {
            Text = $"{prefix}{entry.Answer}\n\n{PolicyTexts.HowLead}{how}\n{PolicyTexts.SourcePrefix}{entry.Source}",
            Why = [.. answer.Why, $"«{pair}» asked, which only the how-line of {entry.Id} says: added"],
        };
    }

    private static string? AskedOnlyOfHow(string rest, string answerText, string how)
    {
        foreach (var part in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (var i = 0; i + 1 < part.Length; i++)
            {
                var pair = part.Substring(i, 2);
                if (how.Contains(pair, StringComparison.Ordinal) && !answerText.Contains(pair, StringComparison.Ordinal)) return pair;
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
