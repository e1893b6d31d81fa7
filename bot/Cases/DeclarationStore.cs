using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Declarations over storage documents, scored indexes and counters. A record is one document written create-only;
/// indexes are added after it, so a reader may meet an index entry whose record is gone (it is skipped) but never a
/// half-written record.
/// A household's open declaration is claimed by its ID-number hash, so concurrent submissions file one record.
/// A new record is acknowledged to the farmer only once its writes are replicated (<see cref="IWriteReplication"/>).
/// </summary>
public sealed class DeclarationStore(IDocumentStore documents, IScoredIndex scoredIndex, ICounterStore counters,
    IWriteReplication replication, PersonalDataProtector protector, TimeProvider time, ILogger<DeclarationStore> logger)
{
    private static readonly TimeSpan SequenceLifetime = TimeSpan.FromDays(3);

    // WAIT tries before a new record is reported as not yet confirmed (each bounded by the storage's WAIT timeout).
    private const int ReplicationAttempts = 3;

    public async Task<SubmitResult> SubmitAsync(string county, string channel, string userId, DeclarationSubmission input,
        DeclarationRules rules, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var idHash = input.IdNumber is null ? null : protector.LookupHash("id", input.IdNumber);

        StoreItem<OpenClaim>? claim = null;
        if (idHash is not null)
        {
            claim = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct).ConfigureAwait(false);
            if (claim is not null)
            {
                // A claim without its record is either a submission still being written (wait for it) or a crash's leftover.
                var existing = await GetAsync(county, claim.Value.DeclarationId, ct).ConfigureAwait(false) ?? await WaitForAsync(county, claim.Value.DeclarationId, ct).ConfigureAwait(false);
                if (existing is { IsOpen: true }) return new SubmitResult(existing, true);
            }
        }

        var date = SequenceDate(now);
        var sequence = await counters.IncrementAsync(CaseKeys.Sequence(county, date), 1, SequenceLifetime, ct).ConfigureAwait(false);
        var id = $"{rules.ReferencePrefix}-{date}-{sequence:D4}";

        if (idHash is not null)
        {
            try
            {
                await documents.WriteAsync(CaseKeys.OpenByIdNumber(county, idHash), new OpenClaim(id), WriteCondition.For(claim), null, ct).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                // Someone filed for this household a moment ago.
                var winner = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct).ConfigureAwait(false);
                var existing = winner is null ? null : await WaitForAsync(county, winner.Value.DeclarationId, ct).ConfigureAwait(false);
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
            await documents.WriteAsync(CaseKeys.Declaration(county, id), declaration, WriteCondition.IfNotExists, null, ct).ConfigureAwait(false);
            recordWritten = true;
            await AddIndexesAsync(declaration, ct).ConfigureAwait(false);
        }
        catch (StorageConflictException e) when (!recordWritten)
        {
            // The number is taken: a sequence increment lost in a Redis failover while its record survived. The indexes
            // named by this number are that record's, so only our claim goes; the farmer's retry draws a new number.
            logger.LogError(e, "Declaration number {Id} is already taken; releasing the claim", id);
            if (idHash is not null) await ReleaseOpenClaimAsync(county, idHash, id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Declaration {Id} could not be stored; rolling back", id);
            await RollBackAsync(declaration, recordWritten).ConfigureAwait(false);
            throw;
        }
        var confirmed = await ConfirmReplicatedAsync(declaration, ct).ConfigureAwait(false);
        logger.LogInformation("Declaration {Id} submitted in {County}/{Township} (replication confirmed: {Confirmed})",
            id, county, declaration.Township, confirmed);
        Observability.AssistBotTelemetry.DeclarationStep(county, DeclarationAction.Submit);
        return new SubmitResult(declaration, false, confirmed);
    }

    /// <summary>
    /// WAITs for the replicas of everything the submission wrote, retrying a short while, then reads the record back: a
    /// failover between the write and the WAIT would answer WAIT from the new master, which may never have had it.
    /// </summary>
    private async Task<bool> ConfirmReplicatedAsync(Declaration d, CancellationToken ct)
    {
        var county = d.CountyId;
        var written = new ReplicatedKeys(
            d.IdNumberHash is { } hash ? [CaseKeys.Declaration(county, d.Id), CaseKeys.OpenByIdNumber(county, hash)] : [CaseKeys.Declaration(county, d.Id)],
            [CaseKeys.IndexAll(county), CaseKeys.IndexByUser(county, d.Channel, d.UserId), CaseKeys.IndexOpenByTownship(county, d.Township), CaseKeys.IndexDue(county)],
            [CaseKeys.Sequence(county, SequenceDate(d.SubmittedAt))]);
        for (var attempt = 0; attempt < ReplicationAttempts; attempt++)
        {
            try
            {
                if (await replication.WaitForReplicasAsync(written, ct).ConfigureAwait(false) && await GetAsync(county, d.Id, ct).ConfigureAwait(false) is not null) return true;
            }
            catch (StorageUnavailableException e)
            {
                logger.LogWarning(e, "Declaration {Id}: confirming replication failed (attempt {Attempt})", d.Id, attempt + 1);
            }
            // Wall-clock pauses, like WaitForAsync's: they wait for Redis, not for the business clock.
            if (attempt + 1 < ReplicationAttempts) await Task.Delay(200 * (attempt + 1), ct).ConfigureAwait(false);
        }
        logger.LogWarning("Declaration {Id} is saved but its replication is not confirmed", d.Id);
        return false;
    }

    private static string SequenceDate(DateTimeOffset at) => at.ToChina().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<Declaration?> GetAsync(string county, string id, CancellationToken ct = default) =>
        (await documents.ReadAsync<Declaration>(CaseKeys.Declaration(county, id), ct).ConfigureAwait(false))?.Value;

    /// <summary>Applies a change with optimistic concurrency and keeps the indexes in step.</summary>
    public async Task<TransitionOutcome> TransitionAsync(string county, string id, Func<Declaration, WorkflowResult> change,
        CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var item = await documents.ReadAsync<Declaration>(CaseKeys.Declaration(county, id), ct).ConfigureAwait(false);
            if (item is null) return new TransitionOutcome(null, null, WorkflowRefusal.None, NotFound: true);
            var result = change(item.Value);
            if (result.Updated is null) return new TransitionOutcome(item.Value, null, result.Refusal, false);
            try
            {
                await documents.WriteAsync(CaseKeys.Declaration(county, id), result.Updated, WriteCondition.IfMatch(item.ETag), null, ct).ConfigureAwait(false);
            }
            catch (StorageConflictException) when (attempt < 16)
            {
                continue;
            }
            await UpdateIndexesAsync(item.Value, result.Updated, ct).ConfigureAwait(false);
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
        var inTownship = await ReadIndexAsync(cadre.CountyId, CaseKeys.IndexOpenByTownship(cadre.CountyId, cadre.Township), false, 500, ct).ConfigureAwait(false);
        var assigned = await ReadIndexAsync(cadre.CountyId, CaseKeys.IndexAssigned(cadre.CountyId, cadre.UserId), false, 500, ct).ConfigureAwait(false);
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
                to.ToUnixTimeMilliseconds() - 1, skip, 500, ct).ConfigureAwait(false);
            foreach (var entry in page)
                if (await GetAsync(county, entry.Member, ct).ConfigureAwait(false) is { } d) result.Add(d);
            if (page.Count < 500) return result;
        }
    }

    /// <summary>Open declarations whose next step is due at or before <paramref name="until"/> (for the reminders part).</summary>
    public async Task<IReadOnlyList<Declaration>> ListDueAsync(string county, DateTimeOffset until, int take = 200, CancellationToken ct = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexDue(county), double.NegativeInfinity, until.ToUnixTimeSeconds(), 0, take, ct).ConfigureAwait(false);
        var result = new List<Declaration>(page.Count);
        foreach (var entry in page)
            if (await GetAsync(county, entry.Member, ct).ConfigureAwait(false) is { IsOpen: true } d) result.Add(d);
        return result;
    }

    private async Task<IReadOnlyList<Declaration>> ReadIndexAsync(string county, string index, bool newestFirst, int take, CancellationToken ct)
    {
        var entries = await scoredIndex.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity, 0, 1000, ct).ConfigureAwait(false);
        IEnumerable<IndexEntry> ordered = newestFirst ? entries.Reverse() : entries;
        var result = new List<Declaration>();
        foreach (var entry in ordered.Take(take))
        {
            // An index entry without its record (a failed write rolled back, a deleted record) is skipped.
            if (await GetAsync(county, entry.Member, ct).ConfigureAwait(false) is { } d) result.Add(d);
        }
        return result;
    }

    private async Task AddIndexesAsync(Declaration d, CancellationToken ct)
    {
        var score = d.SubmittedAt.ToUnixTimeMilliseconds();
        await scoredIndex.IndexAddAsync(CaseKeys.IndexAll(d.CountyId), d.Id, score, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexByUser(d.CountyId, d.Channel, d.UserId), d.Id, score, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexOpenByTownship(d.CountyId, d.Township), d.Id, score, ct).ConfigureAwait(false);
        if (d.NextStepDue is { } due) await scoredIndex.IndexAddAsync(CaseKeys.IndexDue(d.CountyId), d.Id, due.ToUnixTimeSeconds(), ct).ConfigureAwait(false);
    }

    private async Task UpdateIndexesAsync(Declaration before, Declaration after, CancellationToken ct)
    {
        var county = after.CountyId;
        if (after.AssignedCadre is { } cadre && cadre != before.AssignedCadre)
            await scoredIndex.IndexAddAsync(CaseKeys.IndexAssigned(county, cadre), after.Id, after.SubmittedAt.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
        if (!after.IsOpen)
        {
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexOpenByTownship(county, after.Township), after.Id, ct).ConfigureAwait(false);
            if (after.AssignedCadre is { } a) await scoredIndex.IndexRemoveAsync(CaseKeys.IndexAssigned(county, a), after.Id, ct).ConfigureAwait(false);
            if (after.IdNumberHash is { } hash) await ReleaseOpenClaimAsync(county, hash, after.Id, ct).ConfigureAwait(false);
        }
        // Included cases keep a follow-up deadline (e.g. 帮扶责任人 within 5 days in 禹州).
        if (after.NextStepDue is { } due) await scoredIndex.IndexAddAsync(CaseKeys.IndexDue(county), after.Id, due.ToUnixTimeSeconds(), ct).ConfigureAwait(false);
        else await scoredIndex.IndexRemoveAsync(CaseKeys.IndexDue(county), after.Id, ct).ConfigureAwait(false);
    }

    private async Task ReleaseOpenClaimAsync(string county, string idHash, string id, CancellationToken ct)
    {
        var claim = await documents.ReadAsync<OpenClaim>(CaseKeys.OpenByIdNumber(county, idHash), ct).ConfigureAwait(false);
        if (claim?.Value.DeclarationId != id) return;
        await documents.DeleteAsync(CaseKeys.OpenByIdNumber(county, idHash), ct).ConfigureAwait(false);
    }

    private async Task<Declaration?> WaitForAsync(string county, string id, CancellationToken ct)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await GetAsync(county, id, ct).ConfigureAwait(false) is { } d) return d;
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
        return null;
    }

    private async Task RollBackAsync(Declaration d, bool recordWritten)
    {
        // Best effort with no cancellation: leave neither a record nor a claim behind.
        try
        {
            var county = d.CountyId;
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexAll(county), d.Id).ConfigureAwait(false);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexByUser(county, d.Channel, d.UserId), d.Id).ConfigureAwait(false);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexOpenByTownship(county, d.Township), d.Id).ConfigureAwait(false);
            await scoredIndex.IndexRemoveAsync(CaseKeys.IndexDue(county), d.Id).ConfigureAwait(false);
            if (recordWritten) await documents.DeleteAsync(CaseKeys.Declaration(county, d.Id)).ConfigureAwait(false);
            if (d.IdNumberHash is { } hash) await ReleaseOpenClaimAsync(county, hash, d.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rolling back declaration {Id} failed; readers skip index entries without a record", d.Id);
        }
    }

    private sealed record OpenClaim(string DeclarationId);
}
