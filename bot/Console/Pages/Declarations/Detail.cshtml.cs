using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole.Pages.Declarations;

/// <summary>
/// One declaration: masked data, deadline, the audit trail, the full ID number on a stated reason (audit-logged), and
/// the cadre actions through <see cref="DeclarationActions"/> — the same status machine, trail and farmer notices as
/// the WeCom commands. Every handler checks the staff member's area first; outside it the answer is 403.
/// </summary>
public sealed class DeclarationDetailModel(
    DeclarationStore store,
    DeclarationActions actions,
    RosterStore roster,
    PersonalDataProtector protector,
    ConsoleAuditLog audit,
    TimeProvider time,
    IOptions<ConsoleOptions> options) : ConsolePageModel
{
    public const string RevealAction = "查看完整身份证号";

    public Declaration Declaration { get; private set; } = null!;

    public DeadlineBadge Badge { get; private set; } = null!;

    public string MaskedId { get; private set; } = "";

    public string MaskedPhone { get; private set; } = "";

    public string? RevealedId { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DeclarationAction> AllowedActions { get; private set; } = [];

    public IReadOnlyList<Cadre> TransferTargets { get; private set; } = [];

    public IReadOnlyList<ConsoleAuditEntry> Views { get; private set; } = [];

    private Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id).ConfigureAwait(false) ?? Page();

    public async Task<IActionResult> OnPostRevealAsync(string id, string? reason)
    {
        if (await LoadAsync(id).ConfigureAwait(false) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(reason))
        {
            Error = ConsoleTexts.RevealNeedsReason;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var masked = PersonalDataMask.Text(reason.Trim())!;
        await audit.RecordAsync(Staff.CountyId, Staff.ActorId, RevealAction, Declaration.Id,
            masked.Length > 100 ? masked[..100] : masked, HttpContext.RequestAborted).ConfigureAwait(false);
        RevealedId = Unprotect(Declaration.IdNumberProtected) ?? "（无法解密）";
        Views = await audit.ListAsync(Staff.CountyId, Declaration.Id, 50, HttpContext.RequestAborted).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(string id, string? action, bool? verified, string? note, string? transferTo)
    {
        if (await LoadAsync(id).ConfigureAwait(false) is { } denied) return denied;
        var kind = action switch
        {
            "accept" => DeclarationAction.Accept,
            "verify" => DeclarationAction.Verify,
            "include" => DeclarationAction.Include,
            "reject" => DeclarationAction.Reject,
            "transfer" => DeclarationAction.Transfer,
            _ => (DeclarationAction?)null,
        };
        if (kind is null) return BadRequestPage("不认识这个操作。");
        note = string.IsNullOrWhiteSpace(note) ? null : PersonalDataMask.Text(note.Trim());
        if (note is { Length: > 200 }) note = note[..200];
        if (kind == DeclarationAction.Reject && note is null) return BadRequestPage(ConsoleTexts.RejectNeedsReason);
        if (kind == DeclarationAction.Verify && verified is null) return BadRequestPage(CadreTexts.VerifyNeedsResult);
        Cadre? target = null;
        if (kind == DeclarationAction.Transfer)
        {
            if (string.IsNullOrEmpty(transferTo)) return BadRequestPage(ConsoleTexts.TransferNeedsTarget);
            target = await roster.GetAsync(Staff.CountyId, transferTo, HttpContext.RequestAborted).ConfigureAwait(false);
            if (target is null || target.UserId == Staff.UserId || !target.CoversVillage(Declaration.Township, Declaration.Village))
                return BadRequestPage(ConsoleTexts.TransferOutside);
        }

        var outcome = await actions.ApplyAsync(Staff.Cadre, Staff.ActorId, Declaration.Id,
            new CadreAction(kind.Value, verified, note, target?.UserId), Staff.CanSee, target, HttpContext.RequestAborted).ConfigureAwait(false);
        if (outcome.NotFound) return NotFoundPage(ConsoleTexts.NotFound);
        if (outcome.After is null) return BadRequestPage(CadreTexts.Refused(outcome.Before!, outcome.Refusal), StatusCodes.Status409Conflict);
        TempData["Message"] = ConsoleTexts.Done(ActionLabel(kind.Value), Declaration.Id);
        return Redirect("/console/declarations/" + Uri.EscapeDataString(Declaration.Id)); // post/redirect/get
    }

    public string NameOf(string actor)
    {
        if (_names.TryGetValue(actor, out var name)) return name;
        var colon = actor.IndexOf(':');
        var (channel, user) = colon < 0 ? ("", actor) : (actor[..colon], actor[(colon + 1)..]);
        return channel switch
        {
            "wecom" or "console" => user.StartsWith("link-", StringComparison.Ordinal) ? ConsoleTexts.LinkAdministrator + "（控制台）" : user,
            _ => "农户本人",
        };
    }

    public static string ActionLabel(DeclarationAction a) => a switch
    {
        DeclarationAction.Submit => "农户提交",
        DeclarationAction.Accept => "受理",
        DeclarationAction.Verify => "核实",
        DeclarationAction.Include => "纳入",
        DeclarationAction.Reject => "不纳入",
        _ => "转交",
    };

    /// <summary>Loads the case for this staff member: null when they may see it, else the 404/403 page to return.</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        var d = id.Length <= 64 ? await store.GetAsync(Staff.CountyId, id, ct).ConfigureAwait(false) : null;
        if (d is null) return NotFoundPage(ConsoleTexts.NotFound);
        if (!Staff.CanSee(d)) return ForbiddenPage(ConsoleTexts.Forbidden);
        Declaration = d;
        Badge = DeadlineBadge.For(d, time.GetUtcNow(), options.Value.WarnDays);
        MaskedId = d.IdNumberProtected is null ? "未提供（需上门采集）" : PersonalDataMask.IdNumber(Unprotect(d.IdNumberProtected));
        MaskedPhone = PersonalDataMask.Phone(Unprotect(d.PhoneProtected));
        AllowedActions = Allowed(d);
        var everyone = await roster.ListAsync(Staff.CountyId, ct).ConfigureAwait(false);
        TransferTargets = everyone.Where(c => c.UserId != Staff.UserId && c.CoversVillage(d.Township, d.Village)).ToList();
        foreach (var c in everyone)
        {
            _names["wecom:" + c.UserId] = $"{c.Name}（{c.Title}）";
            _names["console:" + c.UserId] = $"{c.Name}（{c.Title}，控制台）";
        }
        Views = await audit.ListAsync(Staff.CountyId, d.Id, 50, ct).ConfigureAwait(false);
        return null;
    }

    private static IReadOnlyList<DeclarationAction> Allowed(Declaration d) => d.Status switch
    {
        DeclarationStatus.Submitted => [DeclarationAction.Accept, DeclarationAction.Transfer],
        DeclarationStatus.Accepted => [DeclarationAction.Verify, DeclarationAction.Reject, DeclarationAction.Transfer],
        DeclarationStatus.Verified when d.VerifiedTrue == true => [DeclarationAction.Include, DeclarationAction.Reject, DeclarationAction.Transfer],
        DeclarationStatus.Verified => [DeclarationAction.Reject, DeclarationAction.Transfer],
        _ => [],
    };

    private IActionResult BadRequestPage(string message, int status = StatusCodes.Status400BadRequest)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private string? Unprotect(string? value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
