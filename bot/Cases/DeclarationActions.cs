namespace AssistBot.Bot.Cases;

/// <summary>
/// A cadre's action on a declaration, the one way every front (WeCom commands and cards, the staff console) changes
/// one: the status machine under optimistic concurrency, the audit entry with who and when, the farmer's notice.
/// </summary>
public sealed class DeclarationActions(
    DeclarationStore declarations,
    CountyCaseData counties,
    DeclarationNotifier notifier,
    TimeProvider time,
    ILogger<DeclarationActions> logger)
{
    /// <param name="actor">Who acts (a roster cadre; the farmer's notice falls back to them).</param>
    /// <param name="actorId">How the audit trail names them, e.g. "wecom:zhangsan" or "console:zhangsan".</param>
    /// <param name="mayHandle">Checked on the record as read (inside the retry loop), so a case that left the
    /// actor's area meanwhile is refused.</param>
    public async Task<TransitionOutcome> ApplyAsync(Cadre actor, string actorId, string declarationId, CadreAction action,
        Func<Declaration, bool> mayHandle, Cadre? transferTo, CancellationToken ct = default)
    {
        var rules = counties.Get(actor.CountyId).Rules;
        var now = time.GetUtcNow();
        var outcome = await declarations.TransitionAsync(actor.CountyId, declarationId, d =>
            mayHandle(d) ? DeclarationWorkflow.Apply(d, action, actorId, now, rules) : WorkflowResult.Refused(WorkflowRefusal.WrongStatus), ct).ConfigureAwait(false);
        if (outcome.After is null) return outcome;

        logger.LogInformation("Declaration {Id}: {Action} by {Actor}", outcome.After.Id, action.Kind, actorId);
        try
        {
            await notifier.NotifyChangeAsync(outcome.After, actor, transferTo, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is recorded; the farmer still sees it with 查进度.
            logger.LogError(e, "Notice for declaration {Id} could not be queued", outcome.After.Id);
        }
        return outcome;
    }
}
