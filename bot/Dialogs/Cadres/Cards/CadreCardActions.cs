using AssistBot.Bot.Cases;

using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders.Commands;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>
/// A click on a cadre's task card (<c>template_card_event</c>, already verified, decrypted and deduplicated by the
/// channel): checked against the roster, the cadre's area and the case's current state, then done by exactly what
/// the typed command does (<see cref="CadreCommandHandler"/>, <see cref="DutyDesk"/>, <see cref="ReminderCadreCommands"/>:
/// the same state machine, audit trail and farmer notice). The clicked card is then updated with the click's
/// response_code (its button greyed to "已受理 · 张三 5月15日 10:32"); a stale button says what happened instead.
/// </summary>
public sealed class CadreCardActions(
    Counties counties,
    RosterStore roster,
    DeclarationStore declarations,
    CadreCommandHandler commands,
    ReminderCadreCommands reminderCommands,
    DutyDesk duties,
    CadreCards cards,
    IOutbox outbox,
    WeComApiClient weCom,
    IDocumentStore storage,
    TimeProvider time,
    ILogger<CadreCardActions> logger)
{
    private static readonly TimeSpan ReasonLifetime = TimeSpan.FromHours(1);

    private sealed record PendingReason(string DeclarationId, string TaskId, string ResponseCode, string Key);

    private static string PendingKey(string county, string userId) => $"cadre/pending-reason/{county}/{userId}";

    public async Task<string> HandleClickAsync(string countyId, string userId, CardClick click, CancellationToken ct)
    {
        var cadre = await roster.GetAsync(countyId, userId, ct).ConfigureAwait(false);
        if (cadre is null) return CadreTexts.UnknownUser;
        if (CadreCardKey.Parse(click.Key) is not { } key) return CadreCardTexts.UnknownCard;
        return key.Action switch
        {
            CadreCardKey.Visited or CadreCardKey.Later => await DutyAsync(cadre, key, click, ct).ConfigureAwait(false),
            CadreCardKey.Repaid => await RepaidAsync(cadre, key, click, ct).ConfigureAwait(false),
            _ => await DeclarationAsync(cadre, key, click, ct).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The reason after a 不纳入 click: the cadre's next message (unless it is a command) completes "不纳入 编号 原因".
    /// Null when nothing is pending or the text is a command of its own.
    /// </summary>
    public async Task<string?> TryTakeReasonAsync(string countyId, string userId, string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || CadreCommand.Parse(text).Verb != CadreVerb.Unknown || ReminderCadreCommands.IsCadreCommand(text)
            || text.Trim() == "清单")
            return null;
        var pending = (await storage.ReadAsync<PendingReason>(PendingKey(countyId, userId), ct).ConfigureAwait(false))?.Value;
        if (pending is null) return null;
        await storage.DeleteAsync(PendingKey(countyId, userId), ct).ConfigureAwait(false);
        var cadre = await roster.GetAsync(countyId, userId, ct).ConfigureAwait(false);
        if (cadre is null) return CadreTexts.UnknownUser;
        return await RunDeclarationCommandAsync(cadre, new CadreCardKey(CadreCardKey.Reject, pending.DeclarationId),
            new CardClick(pending.Key, pending.TaskId, pending.ResponseCode), $"不纳入 {pending.DeclarationId} {text.Trim()}", ct).ConfigureAwait(false);
    }

    private async Task<string> DeclarationAsync(Cadre cadre, CadreCardKey key, CardClick click, CancellationToken ct)
    {
        var d = await declarations.GetAsync(cadre.CountyId, key.Target, ct).ConfigureAwait(false);
        if (d is null || !cadre.CanSee(d))
        {
            // A forwarded card, or a case handed elsewhere: the area decides, as for the typed command.
            logger.LogWarning("Card click {Action} on {Declaration} refused for cadre {Cadre}: not in their area", key.Action, key.Target, cadre.UserId);
            return CadreCardTexts.NotYours;
        }
        var expected = key.Action switch
        {
            CadreCardKey.Accept => d.Status == DeclarationStatus.Submitted,
            CadreCardKey.VerifiedTrue or CadreCardKey.VerifiedFalse => d.Status == DeclarationStatus.Accepted,
            CadreCardKey.Include => d.Status == DeclarationStatus.Verified && d.VerifiedTrue == true,
            CadreCardKey.Reject => d.Status is DeclarationStatus.Accepted or DeclarationStatus.Verified,
            _ => d.IsOpen,
        };
        if (!expected)
        {
            var what = await WhatHappenedAsync(d, ct).ConfigureAwait(false);
            await UpdateCardAsync(cadre, click, what, ct).ConfigureAwait(false);
            return CadreCardTexts.Stale(what);
        }
        var shortId = CadreTexts.ShortId(d);
        switch (key.Action)
        {
            case CadreCardKey.Transfer:
                return CadreCardTexts.AskTransfer(shortId);
            case CadreCardKey.Reject:
                await storage.WriteAsync(PendingKey(cadre.CountyId, cadre.UserId), new PendingReason(d.Id, click.TaskId, click.ResponseCode, click.Key),
                    WriteCondition.Always, ReasonLifetime, ct).ConfigureAwait(false);
                return CadreCardTexts.AskReason(d.Id);
        }
        var command = key.Action switch
        {
            CadreCardKey.Accept => $"受理 {d.Id}",
            CadreCardKey.VerifiedTrue => $"核实 {d.Id} 属实",
            CadreCardKey.VerifiedFalse => $"核实 {d.Id} 不属实",
            _ => $"纳入 {d.Id}",
        };
        return await RunDeclarationCommandAsync(cadre, key, click, command, ct).ConfigureAwait(false);
    }

    /// <summary>The typed command, then (if it moved the case) the card update and the next step's card.</summary>
    private async Task<string> RunDeclarationCommandAsync(Cadre cadre, CadreCardKey key, CardClick click, string command, CancellationToken ct)
    {
        var before = await declarations.GetAsync(cadre.CountyId, key.Target, ct).ConfigureAwait(false);
        var reply = await commands.HandleAsync(cadre.CountyId, cadre.UserId, command, ct).ConfigureAwait(false);
        var after = await declarations.GetAsync(cadre.CountyId, key.Target, ct).ConfigureAwait(false);
        if (before is null || after is null || after.History.Count <= before.History.Count
            || after.History[^1].Actor != "wecom:" + cadre.UserId)
            return reply.Text;
        var at = after.History[^1].At;
        await UpdateCardAsync(cadre, click, CadreCardTexts.Done(key.Action, cadre.Name, at), ct).ConfigureAwait(false);
        await EnqueueNextStepAsync(cadre, after, ct).ConfigureAwait(false);
        return reply.Text;
    }

    private async Task EnqueueNextStepAsync(Cadre cadre, Cases.Declaration d, CancellationToken ct)
    {
        var stage = d.Status switch
        {
            DeclarationStatus.Accepted => "verify",
            DeclarationStatus.Verified when d.VerifiedTrue == true => "include",
            DeclarationStatus.Verified => "reject",
            _ => null,
        };
        if (stage is null) return;
        var now = time.GetUtcNow();
        await outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"{CadreCards.DeclarationStepKind}:{d.CountyId}:{d.Id}:{d.History.Count}:{cadre.UserId}",
            Kind = CadreCards.DeclarationStepKind,
            CountyId = d.CountyId,
            Recipient = OutboxRecipient.Cadre(cadre.UserId),
            Text = $"申报 {d.Id}（{d.Township}{d.Village} {CadreTexts.MaskName(d.HeadName)}）：{CadreTexts.StatusLabel(d)}。",
            Title = $"申报 {CadreTexts.ShortId(d)} 下一步",
            DueAt = now,
            CreatedAt = now,
            Subject = d.Id,
            Stage = stage,
        }, ct).ConfigureAwait(false);
    }

    private async Task<string> DutyAsync(Cadre cadre, CadreCardKey key, CardClick click, CancellationToken ct)
    {
        if (key.Action == CadreCardKey.Later)
        {
            var today = time.Today();
            var day = today.AddDays(1);
            var now = time.GetUtcNow();
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"duty-later:{cadre.CountyId}:{key.Target}:{key.Duty}:{cadre.UserId}:{today:yyyy-MM-dd}",
                Kind = "duty",
                CountyId = cadre.CountyId,
                Recipient = OutboxRecipient.Cadre(cadre.UserId),
                Text = CadreCardTexts.LaterReminder($"{key.Target} 的“{key.Duty}”改到今天，完成后请回复“已完成 {key.Target}”。"),
                DueAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset),
                CreatedAt = now,
                Subject = key.Target,
                Stage = key.Duty,
            }, ct).ConfigureAwait(false);
            await UpdateCardAsync(cadre, click, $"{CadreCardTexts.Past(key.Action)} · {day:M月d日}", ct).ConfigureAwait(false);
            return CadreCardTexts.Later(day);
        }
        var reply = await duties.CompleteAsync(cadre.CountyId, cadre.UserId, key.Target, key.Duty, null, ct).ConfigureAwait(false);
        if (reply.StartsWith("已登记", StringComparison.Ordinal))
            await UpdateCardAsync(cadre, click, CadreCardTexts.Done(key.Action, cadre.Name, time.GetUtcNow()), ct).ConfigureAwait(false);
        return reply;
    }

    private async Task<string> RepaidAsync(Cadre cadre, CadreCardKey key, CardClick click, CancellationToken ct)
    {
        var reply = await reminderCommands.HandleAsync(cadre.CountyId, cadre.UserId, "确认还款 " + key.Target, ct).ConfigureAwait(false);
        var text = reply?.Text ?? CadreCardTexts.UnknownCard;
        if (text.StartsWith("已确认还款", StringComparison.Ordinal))
            await UpdateCardAsync(cadre, click, CadreCardTexts.Done(key.Action, cadre.Name, time.GetUtcNow()), ct).ConfigureAwait(false);
        return text;
    }

    /// <summary>The last step of the case as a greyed button reads: "已受理 · 张三 5月15日 10:32".</summary>
    private async Task<string> WhatHappenedAsync(Cases.Declaration d, CancellationToken ct)
    {
        var last = d.History[^1];
        var name = last.Actor.StartsWith("wecom:", StringComparison.Ordinal)
            ? (await roster.GetAsync(d.CountyId, last.Actor[6..], ct).ConfigureAwait(false))?.Name ?? last.Actor[6..]
            : "";
        var action = last.Action switch
        {
            DeclarationAction.Accept => CadreCardKey.Accept,
            DeclarationAction.Verify => d.VerifiedTrue == true ? CadreCardKey.VerifiedTrue : CadreCardKey.VerifiedFalse,
            DeclarationAction.Include => CadreCardKey.Include,
            DeclarationAction.Reject => CadreCardKey.Reject,
            DeclarationAction.Transfer => CadreCardKey.Transfer,
            _ => "",
        };
        return CadreCardTexts.Done(action, name, last.At).Trim();
    }

    /// <summary>
    /// Greys the clicked card (or, for a digest, marks the item done and keeps the other buttons) through the update API.
    /// A failure is logged, never shown: the action itself is recorded.
    /// </summary>
    private async Task UpdateCardAsync(Cadre cadre, CardClick click, string doneText, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(click.ResponseCode) || !counties.TryGet(cadre.CountyId, out var county)) return;
        try
        {
            WeComTemplateCard? card = null;
            if (click.TaskId.Length > 0 && await cards.GetAsync(cadre.CountyId, click.TaskId, ct).ConfigureAwait(false) is { Items.Count: > 1 } record)
            {
                var items = record.Items.Select(i => i.Keys.Contains(click.Key) ? i with { DoneAs = doneText } : i).ToList();
                await cards.SaveAsync(click.TaskId, record with { Items = items }, ct).ConfigureAwait(false);
                card = CadreCards.Build(click.TaskId, items);
            }
            var result = await weCom.UpdateTemplateCardAsync(county.Options.WeCom, cadre.UserId, click.ResponseCode,
                card is null ? doneText : null, card, ct).ConfigureAwait(false);
            if (!result.IsOk) logger.LogWarning("Card {TaskId} could not be updated: {Result}", click.TaskId, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Card {TaskId} could not be updated", click.TaskId);
        }
    }
}
