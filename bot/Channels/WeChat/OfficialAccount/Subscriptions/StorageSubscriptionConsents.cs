using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

public sealed class StorageSubscriptionConsents(IDocumentStore storage, TimeProvider time) : ISubscriptionConsents
{
    private const int MaxAttempts = 8;

    public static string Key(string countyId, string openId) => $"wechat/subscriptions/{countyId}/{openId}";

    public async ValueTask<SubscriptionConsentBook> GetAsync(string countyId, string openId, CancellationToken cancellationToken = default) =>
        (await storage.ReadAsync<SubscriptionConsentBook>(Key(countyId, openId), cancellationToken).ConfigureAwait(false))?.Value
        ?? new SubscriptionConsentBook();

    public async ValueTask RecordAsync(string countyId, string openId, string templateId, bool accepted, bool longTerm,
        bool fromSettings, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await UpdateAsync(countyId, openId, templateId, current =>
        {
            if (accepted)
            {
                // One-time: each acceptance allows one more send; a settings switch turned on adds none.
                var left = current?.State == ConsentState.Accepted ? current.OneTimeSendsLeft : 0;
                return new SubscriptionConsent
                {
                    TemplateId = templateId, State = ConsentState.Accepted, LongTerm = longTerm,
                    OneTimeSendsLeft = longTerm ? 0 : left + (fromSettings ? 0 : 1),
                    AcceptedAt = now, UpdatedAt = now, LastSentAt = current?.LastSentAt,
                };
            }
            return new SubscriptionConsent
            {
                TemplateId = templateId, State = fromSettings ? ConsentState.Revoked : ConsentState.Rejected,
                LongTerm = longTerm, AcceptedAt = current?.AcceptedAt, UpdatedAt = now, LastSentAt = current?.LastSentAt,
            };
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryUseAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default)
    {
        var used = false;
        var now = time.GetUtcNow();
        await UpdateAsync(countyId, openId, templateId, current =>
        {
            used = current is { AllowsSend: true };
            if (!used) return null; // nothing to write
            if (current!.LongTerm) return current with { LastSentAt = now };
            var left = current.OneTimeSendsLeft - 1;
            return current with
            {
                OneTimeSendsLeft = left, State = left > 0 ? ConsentState.Accepted : ConsentState.UsedUp, LastSentAt = now, UpdatedAt = now,
            };
        }, cancellationToken).ConfigureAwait(false);
        return used;
    }

    public ValueTask GiveBackAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default) =>
        UpdateAsync(countyId, openId, templateId, current => current is null || current.LongTerm
                || current.State is not (ConsentState.UsedUp or ConsentState.Accepted)
            ? null
            : current with { State = ConsentState.Accepted, OneTimeSendsLeft = current.OneTimeSendsLeft + 1 }, cancellationToken);

    public ValueTask MarkRefusedAsync(string countyId, string openId, string templateId, bool revoked, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return UpdateAsync(countyId, openId, templateId, current => current is null
            ? new SubscriptionConsent { TemplateId = templateId, State = revoked ? ConsentState.Revoked : ConsentState.UsedUp, UpdatedAt = now }
            : current with { State = revoked ? ConsentState.Revoked : ConsentState.UsedUp, OneTimeSendsLeft = 0, UpdatedAt = now },
            cancellationToken);
    }

    public async ValueTask<int> StopAllAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stopped = 0;
        await UpdateBookAsync(countyId, openId, book =>
        {
            stopped = 0;
            var changed = new Dictionary<string, SubscriptionConsent>(book.Templates, StringComparer.Ordinal);
            foreach (var (id, consent) in book.Templates)
            {
                if (consent.State != ConsentState.Accepted) continue;
                changed[id] = consent with { State = ConsentState.Stopped, OneTimeSendsLeft = 0, UpdatedAt = now };
                stopped++;
            }
            return stopped == 0 ? null : book with { Templates = changed };
        }, cancellationToken).ConfigureAwait(false);
        return stopped;
    }

    private ValueTask UpdateAsync(string countyId, string openId, string templateId,
        Func<SubscriptionConsent?, SubscriptionConsent?> change, CancellationToken cancellationToken) =>
        UpdateBookAsync(countyId, openId, book =>
        {
            var next = change(book.Templates.GetValueOrDefault(templateId));
            if (next is null) return null;
            var templates = new Dictionary<string, SubscriptionConsent>(book.Templates, StringComparer.Ordinal) { [templateId] = next };
            return book with { Templates = templates };
        }, cancellationToken);

    /// <summary>Read, change, write with the ETag; a concurrent change (another event, another instance) is re-read.</summary>
    private async ValueTask UpdateBookAsync(string countyId, string openId, Func<SubscriptionConsentBook, SubscriptionConsentBook?> change,
        CancellationToken cancellationToken)
    {
        var key = Key(countyId, openId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await storage.ReadAsync<SubscriptionConsentBook>(key, cancellationToken).ConfigureAwait(false);
            var next = change(stored?.Value ?? new SubscriptionConsentBook());
            if (next is null) return;
            try
            {
                await storage.WriteAsync(key, next, WriteCondition.For(stored), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
