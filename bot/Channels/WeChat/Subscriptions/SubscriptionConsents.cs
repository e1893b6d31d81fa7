using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

public enum ConsentState
{
    /// <summary>The farmer accepted in the popup (or turned it back on in settings).</summary>
    Accepted,

    /// <summary>Declined in the popup.</summary>
    Rejected,

    /// <summary>Turned off in WeChat's settings, or WeChat reported the user refuses it.</summary>
    Revoked,

    /// <summary>A one-time consent whose send was used, or 43101 from bizsend.</summary>
    UsedUp,

    /// <summary>The farmer said "退订" to us: we stop using the consent until they accept again.</summary>
    Stopped,
}

/// <summary>One farmer's consent to one 订阅通知 template.</summary>
public sealed record SubscriptionConsent
{
    public required string TemplateId { get; init; }
    public ConsentState State { get; init; }

    /// <summary>Long-term: one consent for many messages until revoked.</summary>
    public bool LongTerm { get; init; }

    /// <summary>One-time: sends still allowed (each acceptance allows one).</summary>
    public int OneTimeSendsLeft { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>Whether a bizsend with this template may go to the farmer now.</summary>
    public bool AllowsSend => State == ConsentState.Accepted && (LongTerm || OneTimeSendsLeft > 0);
}

/// <summary>All of one farmer's consents in one county (one stored document).</summary>
public sealed record SubscriptionConsentBook
{
    public Dictionary<string, SubscriptionConsent> Templates { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The per-user, per-template 订阅通知 consent records: the owner of <c>wechat/subscriptions/{county}/{openid}</c>.
/// Written from WeChat's events (popup, change, sent), from bizsend results (43101) and from "退订"; read by whoever
/// sends a 订阅通知 (<see cref="TryUseAsync"/> before each send).
/// </summary>
public interface ISubscriptionConsents
{
    ValueTask<SubscriptionConsentBook> GetAsync(string countyId, string openId, CancellationToken cancellationToken = default);

    /// <summary>The popup or the settings page: accepted (one-time: one more send) or declined/revoked.</summary>
    ValueTask RecordAsync(string countyId, string openId, string templateId, bool accepted, bool longTerm, bool fromSettings,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes one send from the consent when it allows one (long-term: always while accepted; one-time: uses it up).
    /// False when the farmer has not consented, revoked, used it up or said "退订".
    /// </summary>
    ValueTask<bool> TryUseAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default);

    /// <summary>Gives back a send taken by <see cref="TryUseAsync"/> that did not go out (a transient failure).</summary>
    ValueTask GiveBackAsync(string countyId, string openId, string templateId, CancellationToken cancellationToken = default);

    /// <summary>43101 from bizsend, or a sent event saying the user refuses: the consent is used up / revoked.</summary>
    ValueTask MarkRefusedAsync(string countyId, string openId, string templateId, bool revoked, CancellationToken cancellationToken = default);

    /// <summary>"退订": stop using every consent of the farmer (they turn it off in WeChat's settings themselves).</summary>
    ValueTask<int> StopAllAsync(string countyId, string openId, CancellationToken cancellationToken = default);
}

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
