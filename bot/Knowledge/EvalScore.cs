namespace AssistBot.Bot.Knowledge;

/// <summary>
/// Scoring of the labelled shape (the contract of issue 12): for an entry expectation, the expected or an accepted
/// entry → correct; 您是想问 → clarified; the honest fallback → fell back; any other entry → confidently wrong. For
/// <c>fallback</c>: fallback → correct, clarify → clarified, an answer → wrong. For <c>clarify</c>: clarify → correct,
/// fallback → fell back, an answer → wrong unless it is accepted. A right entry whose reply misses a required string
/// is wrong too (it answered without the fact).
/// </summary>
public static class EvalScore
{
    public const string Answer = "answer", Clarify = "clarify", Fallback = "fallback";

    public static (EvalVerdict Verdict, string? Reason) Judge(EvalCase c, EvalReply reply)
    {
        var expect = c.Expect ?? c.Kind switch { Fallback => Fallback, Clarify => Clarify, _ => null };
        var textProblem = c.Check(reply.Text);
        switch (expect)
        {
            case Fallback:
                return reply.Outcome switch
                {
                    Fallback => (EvalVerdict.Correct, null),
                    Clarify => (EvalVerdict.Clarified, null),
                    _ => (EvalVerdict.ConfidentlyWrong, $"answered {reply.EntryId}"),
                };
            case Clarify:
                if (reply.Outcome == Clarify) return (EvalVerdict.Correct, null);
                if (reply.Outcome == Fallback) return (EvalVerdict.FellBack, null);
                return reply.EntryId is { } id && c.Accept.Contains(id) ? (EvalVerdict.Correct, null) : (EvalVerdict.ConfidentlyWrong, $"answered {reply.EntryId}");
            case null:
                // Dev-set shape: an answer with the required strings is right.
                if (reply.Outcome == Clarify) return (EvalVerdict.Clarified, textProblem);
                if (reply.Outcome == Fallback) return (EvalVerdict.FellBack, textProblem);
                return textProblem is null ? (EvalVerdict.Correct, null) : (EvalVerdict.ConfidentlyWrong, textProblem);
            default:
                if (reply.Outcome == Clarify) return (EvalVerdict.Clarified, null);
                if (reply.Outcome == Fallback) return (EvalVerdict.FellBack, null);
                if (reply.EntryId != expect && !c.Accept.Contains(reply.EntryId ?? ""))
                    return (EvalVerdict.ConfidentlyWrong, $"asked {expect}, answered {reply.EntryId ?? "(no entry)"}");
                return textProblem is null ? (EvalVerdict.Correct, null) : (EvalVerdict.ConfidentlyWrong, $"{reply.EntryId}: {textProblem}");
        }
    }
}
