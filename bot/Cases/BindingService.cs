using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Links a WeChat user to imported household or loan records when name, last 6 of the ID number and phone all
/// match (one keyed-hash lookup). Five failed attempts in a (China) day lock binding for that user until the next day.
/// </summary>
public sealed class BindingService(IDocumentStore documents, IScoredIndex scoredIndex, ICounterStore counters, IBindingReader reader,
    BindingRegistry registry, TimeProvider time, ILogger<BindingService> logger)
{
    public const int MaxFailuresPerDay = 5;


    public async Task<BindingResult> BindAsync(string county, string channel, string userId, string name, string lastSix, string phone,
        CancellationToken ct = default)
    {
        var failuresKey = CaseKeys.BindingFailures(county, channel, userId, TodayKey());
        var failures = (await documents.ReadAsync<int>(failuresKey, ct).ConfigureAwait(false))?.Value ?? 0;
        if (failures >= MaxFailuresPerDay) return new(BindingOutcome.LockedOut, 0, []);

        var hash = registry.Hash(name, lastSix, phone);
        var subjects = hash is null ? [] : await registry.FindAsync(county, hash, ct).ConfigureAwait(false);
        if (subjects.Count == 0)
        {
            var count = await counters.IncrementAsync(failuresKey + "/n", 1, TimeSpan.FromDays(2), ct).ConfigureAwait(false);
            await documents.WriteAsync(failuresKey, (int)count, WriteCondition.Always, TimeSpan.FromDays(2), ct).ConfigureAwait(false);
            logger.LogInformation("Binding attempt {Count} failed for a user in {County}", count, county);
            return count >= MaxFailuresPerDay ? new(BindingOutcome.LockedOut, 0, []) : new(BindingOutcome.NoMatch, MaxFailuresPerDay - (int)count, []);
        }

        await documents.WriteAsync(CaseKeys.Binding(county, channel, userId),
            new UserBinding(channel, userId, subjects.ToList(), time.GetUtcNow()), WriteCondition.Always, null, ct).ConfigureAwait(false);
        foreach (var s in subjects)
            await scoredIndex.IndexAddAsync(CaseKeys.IndexBoundUsers(county, s.Kind, s.Key), $"{channel}:{userId}", time.GetUtcNow().ToUnixTimeSeconds(), ct).ConfigureAwait(false);
        logger.LogInformation("User bound to {Count} record(s) in {County}", subjects.Count, county);
        return new(BindingOutcome.Bound, MaxFailuresPerDay - failures, subjects);
    }

    /// <summary>
    /// Removes the user's binding and its entries in the bound-users indexes ("删除我的信息"). The failure counter of
    /// the day stays, so erasing cannot reset the lockout.
    /// </summary>
    public async Task UnbindAsync(string county, string channel, string userId, CancellationToken ct = default)
    {
        if (await GetAsync(county, channel, userId, ct).ConfigureAwait(false) is { } existing)
            foreach (var s in existing.Subjects)
                await scoredIndex.IndexRemoveAsync(CaseKeys.IndexBoundUsers(county, s.Kind, s.Key), $"{channel}:{userId}", ct).ConfigureAwait(false);
        await documents.DeleteAsync(CaseKeys.Binding(county, channel, userId), ct).ConfigureAwait(false);
    }

    /// <summary>True while the user may still try today.</summary>
    public async Task<bool> IsLockedOutAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        ((await documents.ReadAsync<int>(CaseKeys.BindingFailures(county, channel, userId, TodayKey()), ct).ConfigureAwait(false))?.Value ?? 0) >= MaxFailuresPerDay;

    public Task<UserBinding?> GetAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        reader.GetAsync(county, channel, userId, ct);

    /// <summary>Users bound to a record ("channel:userId"), e.g. to deliver a loan reminder to the farmer.</summary>
    public Task<IReadOnlyList<string>> BoundUsersAsync(string county, BindingSubject subject, CancellationToken ct = default) =>
        reader.BoundUsersAsync(county, subject, 100, ct);

    private string TodayKey() => time.Today().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
