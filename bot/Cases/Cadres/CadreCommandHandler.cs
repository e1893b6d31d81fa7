using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Cases.Cadres;

/// <summary>
/// Handles a cadre's command over the stores, without dialogs: checks the roster (unknown users are refused),
/// the cadre's area (others' cases look the same as missing ones), and the status machine; records the change
/// with who and when; notifies the farmer through the outbox.
/// </summary>
public sealed class CadreCommandHandler(
    RosterStore roster,
    DeclarationStore declarations,
    CountyCaseData counties,
    DeclarationActions actions,
    PersonalDataProtector protector,
    TimeProvider time,
    ILogger<CadreCommandHandler> logger,
    IEnumerable<ICadreCommandExtension> extensions)
{
    public async Task<CadreReply> HandleAsync(string countyId, string userId, string? text, CancellationToken ct = default)
    {
        var cadre = await roster.GetAsync(countyId, userId, ct).ConfigureAwait(false);
        if (cadre is null) return new(CadreTexts.UnknownUser, []);
        foreach (var extension in extensions)
            if (await extension.TryHandleAsync(countyId, cadre, text ?? "", ct).ConfigureAwait(false) is { } handled) return handled;
        var command = CadreCommand.Parse(text);
        switch (command.Verb)
        {
            case CadreVerb.Menu:
                return Menu(CadreTexts.Welcome(cadre));
            case CadreVerb.Unknown:
                return Menu("没看懂这条命令。" + CadreTexts.Usage);
            case CadreVerb.Help:
                return Menu(CadreTexts.Usage);
            case CadreVerb.Pending:
                var pending = await declarations.ListOpenForCadreAsync(cadre, ct).ConfigureAwait(false);
                return Menu(pending.Count == 0 ? CadreTexts.NoPending : CadreTexts.PendingList(pending, time.GetUtcNow()));
        }

        var label = Label(command.Verb);
        if (command.Reference is null) return new(CadreTexts.AskFor(label), []);
        var (declaration, problem) = await ResolveAsync(cadre, command.Reference, ct).ConfigureAwait(false);
        if (declaration is null) return new(problem!, [CadreTexts.Pending]);

        if (command.Verb == CadreVerb.Details)
        {
            var idNumber = Unprotect(declaration.IdNumberProtected);
            var phone = Unprotect(declaration.PhoneProtected);
            return new(CadreTexts.Detail(declaration, idNumber, phone, time.GetUtcNow()), [CadreTexts.Pending]);
        }

        Cadre? target = null;
        if (command.Verb == CadreVerb.Verify && command.VerifiedTrue is null) return new(CadreTexts.VerifyNeedsResult, []);
        if (command.Verb == CadreVerb.Transfer)
        {
            if (command.Account is null) return new(CadreTexts.Refused(declaration, WorkflowRefusal.TargetRequired), []);
            target = await roster.GetAsync(countyId, command.Account, ct).ConfigureAwait(false);
            if (target is null || target.UserId == cadre.UserId) return new(CadreTexts.UnknownTransferTarget(command.Account), []);
            if (!target.CoversVillage(declaration.Township, declaration.Village))
                return new(CadreTexts.TransferOutsideArea(declaration, target), [CadreTexts.Pending]);
        }

        var action = new CadreAction(command.Verb switch
        {
            CadreVerb.Accept => DeclarationAction.Accept,
            CadreVerb.Verify => DeclarationAction.Verify,
            CadreVerb.Include => DeclarationAction.Include,
            CadreVerb.Reject => DeclarationAction.Reject,
            _ => DeclarationAction.Transfer,
        }, command.VerifiedTrue, command.Note, target?.UserId);

        var data = counties.Get(countyId);
        var outcome = await actions.ApplyAsync(cadre, "wecom:" + cadre.UserId, declaration.Id, action, cadre.CanSee, target, ct).ConfigureAwait(false);
        if (outcome.NotFound) return new(CadreTexts.NotFound(command.Reference), [CadreTexts.Pending]);
        if (outcome.After is null) return new(CadreTexts.Refused(outcome.Before!, outcome.Refusal), [CadreTexts.Pending]);
        var now = outcome.After.UpdatedAt;
        return new(CadreTexts.Done(outcome.After, action.Kind, now, data.Rules.Procedure.PublicityMinDays), [CadreTexts.Pending]);
    }

    private async Task<(Declaration? Declaration, string? Problem)> ResolveAsync(Cadre cadre, string reference, CancellationToken ct)
    {
        if (reference.Contains('-', StringComparison.Ordinal))
        {
            var d = await declarations.GetAsync(cadre.CountyId, reference, ct).ConfigureAwait(false);
            return d is not null && cadre.CanSee(d) ? (d, null) : (null, CadreTexts.NotFound(reference));
        }
        var open = await declarations.ListOpenForCadreAsync(cadre, ct).ConfigureAwait(false);
        var matches = open.Where(d => d.Id.EndsWith("-" + reference, StringComparison.Ordinal)
                                      || d.Id[(d.Id.LastIndexOf('-') + 1)..].TrimStart('0') == reference.TrimStart('0')).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, CadreTexts.NotFound(reference)),
            _ => (null, CadreTexts.Ambiguous(reference, matches.Select(m => m.Id))),
        };
    }

    private string? Unprotect(string? value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            logger.LogWarning("Stored personal data could not be decrypted (wrong DataProtection:Key?)");
            return null;
        }
    }

    private static CadreReply Menu(string text) => new(text, CadreTexts.Menu);

    private static string Label(CadreVerb verb) => verb switch
    {
        CadreVerb.Details => CadreTexts.Details,
        CadreVerb.Accept => CadreTexts.Accept,
        CadreVerb.Verify => CadreTexts.Verify,
        CadreVerb.Include => CadreTexts.Include,
        CadreVerb.Reject => CadreTexts.Reject,
        _ => CadreTexts.Transfer,
    };
}
