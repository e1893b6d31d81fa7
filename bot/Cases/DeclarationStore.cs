using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Declarations over storage documents, scored indexes and counters. A record is one document written create-only;
/// indexes are added after it, so a reader may meet an index entry whose record is gone (it is skipped) but never a
/// half-written record.
/// A household's open declaration is claimed by its ID-number hash, so concurrent submissions file one record.
/// </summary>
public sealed class DeclarationStore(IDocumentStore documents, IScoredIndex scoredIndex, ICounterStore counters,
    PersonalDataProtector protector, TimeProvider time, ILogger<DeclarationStore> logger)
{
    private static readonly TimeSpan SequenceLifetime = TimeSpan.FromDays(3);

    public async Task<SubmitResult> SubmitAsync(string county, string channel, string userId, DeclarationSubmission input,
        DeclarationRules rules, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var idHash = input.IdNumber is null ? null : protector.LookupHash("id", input.IdNumber);

        StoreItem<OpenClaim>? claim = null;
        if (idHash is not null)
        {
            claim = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct);
            if (claim is not null)
            {
                // A claim without its record is either a submission still being written (wait for it) or a crash's leftover.
                var existing = await GetAsync(county, claim.Value.DeclarationId, ct) ?? await WaitForAsync(county, claim.Value.DeclarationId, ct);
                if (existing is { IsOpen: true }) return new SubmitResult(existing, true);
            }
        }

        var date = now.ToChina().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sequence = await counters.IncrementAsync(CaseKeys.Sequence(county, date), 1, SequenceLifetime, ct);
        var id = $"{rules.ReferencePrefix}-{date}-{sequence:D4}";

        if (idHash is not null)
        {
            try
            {
                await documents.WriteAsync(CaseKeys.OpenByIdNumber(county, idHash), new OpenClaim(id), WriteCondition.For(claim), null, ct);
            }
            catch (StorageConflictException)
            {
                // Someone filed for this household a moment ago.
                var winner = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct);
                var existing = winner is null ? null : await WaitForAsync(county, winner.Value.DeclarationId, ct);
                if (existing is not null) return new SubmitResult(existing, true);
                throw;
            }
        }

        var (nextStep, due) = DeclarationWorkflow.NextStep(rules, DeclarationStatus.Submitted, now, now);
        var declaration = new Declaration
        {
            Id = id,
            CountyId = county,
            Channel = channel,
            UserId = userId,
            HeadName = input.HeadName,
            IdNumberProtected = protector.Protect(input.IdNumber),
            IdNumberHash = idHash,
            PhoneProtected = protector.Protect(input.Phone)!,
            Township = input.Township,
            Village = input.Village,
            HouseholdSize = input.HouseholdSize,
            Hardships = input.Hardships,
            // Free text: an ID or phone number in it is kept masked; the full values live only in the encrypted fields.
            Description = PersonalDataMask.Text(input.Description),
            EstimatedIncomePerCapita = input.EstimatedIncomePerCapita,
            Status = DeclarationStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            NextStep = nextStep,
            NextStepDue = due,
            History = [new DeclarationEvent(now, $"{channel}:{userId}", DeclarationAction.Submit, DeclarationStatus.Submitted, null)],
        };

        var recordWritten = false;
        try
        {
            await documents.WriteAsync(CaseKeys.Declaration(county, id), declaration, WriteCondition.IfNotExists, null, ct);
            recordWritten = true;
            await AddIndexesAsync(declaration, ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Declaration {Id} could not be stored; rolling back", id);
            await RollBackAsync(declaration, recordWritten);
            throw;
        }
        logger.LogInformation("Declaration {Id} submitted in {County}/{Township}", id, county, declaration.Township);
        Observability.AssistBotTelemetry.DeclarationStep(county, DeclarationAction.Submit);
        return new SubmitResult(declaration, false);
    }

    public async Task<Declaration?> GetAsync(string county, string id, CancellationToken ct = default) =>
        (await documents.ReadAsync<Declaration>(CaseKeys.Declaration(county, id), ct))?.Value;

    /// <summary>Applies a change with optimistic concurrency and keeps the indexes in step.</summary>
    public async Task<TransitionOutcome> TransitionAsync(string county, string id, Func<Declaration, WorkflowResult> change,
        CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var item = await documents.ReadAsync<Declaration>(CaseKeys.Declaration(county, id), ct);
            if (item is null) return new TransitionOutcome(null, null, WorkflowRefusal.None, NotFound: true);
            var result = change(item.Value);
            if (result.Updated is null) return new TransitionOutcome(item.Value, null, result.Refusal, false);
            try
            {
                await documents.WriteAsync(CaseKeys.Declaration(county, id), result.Updated, WriteCondition.IfMatch(item.ETag), null, ct);
            }
            catch (StorageConflictException) when (attempt < 16)
            {
                continue;
            }
            await UpdateIndexesAsync(item.Value, result.Updated, ct);
            if (result.Updated.History.Count > item.Value.History.Count)
                Observability.AssistBotTelemetry.DeclarationStep(county, result.Updated.History[^1].Action);
            return new TransitionOutcome(item.Value, result.Updated, WorkflowRefusal.None, false);
        }
    }

    /// <summary>The farmer's own declarations, newest first.</summary>
    public Task<IReadOnlyList<Declaration>> ListForUserAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        ReadIndexAsync(county, CaseKeys.IndexByUser(county, channel, userId), newestFirst: true, 50, ct);

    /// <summary>Open declarations a cadre may handle: their area's, plus those handed to them.</summary>
    public async Task<IReadOnlyList<Declaration>> ListOpenForCadreAsync(Cadre cadre, CancellationToken ct = default)
    {
        var inTownship = await ReadIndexAsync(cadre.CountyId, CaseKeys.IndexOpenByTownship(cadre.CountyId, cadre.Township), false, 500, ct);
        var assigned = await ReadIndexAsync(cadre.CountyId, CaseKeys.IndexAssigned(cadre.CountyId, cadre.UserId), false, 500, ct);
        return inTownship.Concat(assigned)
            .Where(d => d.IsOpen && cadre.CanSee(d))
            .DistinctBy(d => d.Id)
            .OrderBy(d => d.SubmittedAt)
            .ToList();
    }

    /// <summary>All declarations submitted in [from, to), oldest first (for the export).</summary>
    public async Task<IReadOnlyList<Declaration>> ListSubmittedAsync(string county, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var result = new List<Declaration>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexAll(county), from.ToUnixTimeMilliseconds(),
                to.ToUnixTimeMilliseconds() - 1, skip, 500, ct);
            foreach (var entry in page)
                if (await GetAsync(county, entry.Member, ct) is { } d) result.Add(d);
            if (page.Count < 500) return result;
        }
    }

    /// <summary>Open declarations whose next step is due at or before <paramref name="until"/> (for the reminders part).</summary>
    public async Task<IReadOnlyList<Declaration>> ListDueAsync(string county, DateTimeOffset until, int take = 200, CancellationToken ct = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexDue(county), double.NegativeInfinity, until.ToUnixTimeSeconds(), 0, take, ct);
        var result = new List<Declaration>(page.Count);
        foreach (var entry in page)
            if (await GetAsync(county, entry.Member, ct) is { IsOpen: true } d) result.Add(d);
        return result;
    }

    private async Task<IReadOnlyList<Declaration>> ReadIndexAsync(string county, string index, bool newestFirst, int take, CancellationToken ct)
    {
        var entries = await scoredIndex.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity, 0, 1000, ct);
        IEnumerable<IndexEntry> ordered = newestFirst ? entries.Reverse() : entries;
        var result = new List<Declaration>();
        foreach (var entry in ordered.Take(take))
        {
            // An index entry without its record (a failed write rolled back, a deleted record) is skipped.
            if (await GetAsync(county, entry.Member, ct) is { } d) result.Add(d);
        }
        return result;
    }

    private async Task AddIndexesAsync(Declaration d, CancellationToken ct)
    {
        var score = d.SubmittedAt.ToUnixTimeMilliseconds();
        await scoredIndex.IndexAddAsync(CaseKeys.IndexAll(d.CountyId), d.Id, score, ct);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexByUser(d.CountyId, d.Channel, d.UserId), d.Id, score, ct);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexOpenByTownship(d.CountyId, d.Township), d.Id, score, ct);
        if (d.NextStepDue is { } due) await scoredIndex.IndexAddAsync(CaseKeys.IndexDue(d.CountyId), d.Id, due.ToUnixTimeSeconds(), ct);
    }

    private async Task UpdateIndexesAsync(Declaration before, Declaration after, CancellationToken ct)
    {
        var county = after.CountyId;
        if (after.AssignedCadre is { } cadre && cadre != before.AssignedCadre)
            await scoredIndex.IndexAddAsync(CaseKeys.IndexAssigned(county, cadre), after.Id, after.SubmittedAt.ToUnixTimeMilliseconds(), ct);
        if (!after.IsOpen)
        {
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexOpenByTownship(county, after.Township), after.Id, ct);
            if (after.AssignedCadre is { } a) await scoredIndex.IndexRemoveAsync(CaseKeys.IndexAssigned(county, a), after.Id, ct);
            if (after.IdNumberHash is { } hash) await ReleaseOpenClaimAsync(county, hash, after.Id, ct);
        }
        // Included cases keep a follow-up deadline (e.g. 帮扶责任人 within 5 days in 禹州).
        if (after.NextStepDue is { } due) await scoredIndex.IndexAddAsync(CaseKeys.IndexDue(county), after.Id, due.ToUnixTimeSeconds(), ct);
        else await scoredIndex.IndexRemoveAsync(CaseKeys.IndexDue(county), after.Id, ct);
    }

    private async Task ReleaseOpenClaimAsync(string county, string idHash, string id, CancellationToken ct)
    {
        var claim = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct);
        if (claim?.Value.DeclarationId != id) return;
        await documents.DeleteAsync(CaseKeys.OpenByIdNumber(county, idHash), ct);
    }

    private async Task<Declaration?> WaitForAsync(string county, string id, CancellationToken ct)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await GetAsync(county, id, ct) is { } d) return d;
            await Task.Delay(20, ct);
        }
        return null;
    }

    private async Task RollBackAsync(Declaration d, bool recordWritten)
    {
        // Best effort with no cancellation: leave neither a record nor a claim behind.
        try
        {
            var county = d.CountyId;
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexAll(county), d.Id);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexByUser(county, d.Channel, d.UserId), d.Id);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexOpenByTownship(county, d.Township), d.Id);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexDue(county), d.Id);
            if (recordWritten) await documents.DeleteAsync(CaseKeys.Declaration(county, d.Id));
            if (d.IdNumberHash is { } hash) await ReleaseOpenClaimAsync(county, hash, d.Id, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rolling back declaration {Id} failed; readers skip index entries without a record", d.Id);
        }
    }

    private sealed record OpenClaim(string DeclarationId);
}

/// <summary>Before and after a transition; <see cref="After"/> is null when it was refused or the record is missing.</summary>
public sealed record TransitionOutcome(Declaration? Before, Declaration? After, WorkflowRefusal Refusal, bool NotFound);
