using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Puts declaration messages into the outbox: the new-declaration push to the area's cadres, and a notice to the
/// farmer for each change a cadre makes. Idempotency keys are per declaration and audit entry, so a retried
/// command never notifies twice.
/// </summary>
public sealed class DeclarationNotifier(IOutbox outbox, RosterStore roster, TimeProvider time, ILogger<DeclarationNotifier> logger)
{
    public const string NewDeclarationKind = "declaration-new";
    public const string StatusKind = "declaration-status";

    public async Task NotifyCadresOfNewAsync(Declaration d, CancellationToken ct = default)
    {
        var recipients = await roster.RecipientsAsync(d.CountyId, d.Township, d.Village, ct).ConfigureAwait(false);
        if (recipients.Count == 0)
            logger.LogWarning("No cadre on the roster for {County}/{Township}; declaration {Id} was not pushed", d.CountyId, d.Township, d.Id);
        var now = time.GetUtcNow();
        foreach (var cadre in recipients)
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"{NewDeclarationKind}:{d.CountyId}:{d.Id}:{cadre.UserId}",
                Kind = NewDeclarationKind,
                CountyId = d.CountyId,
                Recipient = OutboxRecipient.Cadre(cadre.UserId),
                Text = CadreTexts.NewDeclaration(d),
                DueAt = now,
                CreatedAt = now,
                Subject = d.Id,
            }, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Tells the farmer about the latest audit entry (and the new cadre, after 转交).</summary>
    public async Task NotifyChangeAsync(Declaration d, Cadre actor, Cadre? transferredTo, CancellationToken ct = default)
    {
        var change = d.History[^1];
        var now = time.GetUtcNow();
        var stage = $"{d.History.Count - 1}-{change.Action}".ToLowerInvariant();
        if (d.Channel is OutboxRecipient.WeChat or OutboxRecipient.WeCom)
        {
            var text = DeclarationTexts.StatusNotice(d, change, transferredTo?.Name);
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"{StatusKind}:{d.CountyId}:{d.Id}:{stage}",
                Kind = StatusKind,
                CountyId = d.CountyId,
                Recipient = new OutboxRecipient(d.Channel, d.UserId),
                Text = text,
                Template = new OutboxTemplate(StatusKind, new Dictionary<string, string>
                {
                    ["first"] = "您的防止返贫监测申报有新进展",
                    ["keyword1"] = d.Id,
                    ["keyword2"] = DeclarationTexts.StatusLabel(d),
                    ["keyword3"] = ChinaTime.Display(change.At),
                    ["remark"] = "下一步：" + DeclarationTexts.NextStepText(d),
                }),
                // If WeChat cannot reach the farmer, the cadre who acted passes it on.
                FallbackRecipient = OutboxRecipient.Cadre(actor.UserId),
                FallbackText = $"农户 {CadreTexts.MaskName(d.HeadName)}（{d.Township}{d.Village}）没能在微信上收到通知，请电话或上门告知：{text}",
                DueAt = now,
                CreatedAt = now,
                Subject = d.Id,
                Stage = stage,
            }, ct).ConfigureAwait(false);
        }
        else
        {
            logger.LogInformation("Declaration {Id} was made on channel {Channel}; the farmer sees changes with 查进度", d.Id, d.Channel);
        }

        if (change.Action == DeclarationAction.Transfer && transferredTo is not null)
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"{StatusKind}:{d.CountyId}:{d.Id}:{stage}:cadre",
                Kind = StatusKind,
                CountyId = d.CountyId,
                Recipient = OutboxRecipient.Cadre(transferredTo.UserId),
                Text = CadreTexts.TransferredToYou(d, actor.Name),
                DueAt = now,
                CreatedAt = now,
                Subject = d.Id,
                Stage = stage,
            }, ct).ConfigureAwait(false);
        }
    }
}
