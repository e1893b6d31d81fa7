using System.Runtime.CompilerServices;
using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Ports;
using ChinaTime = AssistBot.Scheduler.Time.ChinaTime;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Self-declaration steps with a time limit (declaration.yaml next_steps) as deadlines for the deadline sweep: the
/// assigned cadre (else the village's cadres from the roster) is reminded, the township's lead hears when it passes.
/// </summary>
public sealed class DeclarationDeadlines(DeclarationStore declarations, RosterStore roster, CountyCaseData counties) : IDeadlineSource
{
    public async IAsyncEnumerable<Deadline> DueBetweenAsync(string countyId, DateOnly first, DateOnly last,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var data)) yield break;
        var until = ChinaTime.At(last.AddDays(1), TimeOnly.MinValue);
        foreach (var declaration in await declarations.ListDueAsync(countyId, until, 1000, cancellationToken).ConfigureAwait(false))
        {
            if (declaration.NextStepDue is not { } dueAt) continue;
            var due = ChinaTime.DateOf(dueAt);
            if (due < first || due > last) continue;
            var cadre = declaration.AssignedCadre
                ?? ((await roster.RecipientsAsync(countyId, declaration.Township, declaration.Village, cancellationToken).ConfigureAwait(false))
                    is { Count: > 0 } recipients ? recipients[0].UserId : null);
            var source = data.Rules.NextStepAfter(declaration.Status.Key())?.Source is { Length: > 0 } s ? s : data.Rules.Procedure.Citation;
            yield return new Deadline("declaration", declaration.Id, $"{declaration.HeadName}户的困难申报：{declaration.NextStep ?? "下一步办理"}",
                due, cadre, declaration.Township, source);
        }
    }
}
