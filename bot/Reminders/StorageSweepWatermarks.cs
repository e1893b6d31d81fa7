using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>Sweep watermarks in storage; they only ever move forward.</summary>
public sealed class StorageSweepWatermarks(IDocumentStore storage, string keyspace = "reminders") : ISweepWatermarks
{
    private sealed record Mark(long UnixMilliseconds);

    private string Key(string county, string sweep) => $"{keyspace}/watermarks/{county}/{sweep}";

    public async ValueTask<DateTimeOffset?> GetAsync(string countyId, string sweep, CancellationToken cancellationToken = default) =>
        (await storage.ReadAsync<Mark>(Key(countyId, sweep), cancellationToken).ConfigureAwait(false))?.Value is { } mark
            ? DateTimeOffset.FromUnixTimeMilliseconds(mark.UnixMilliseconds)
            : null;

    public async ValueTask AdvanceAsync(string countyId, string sweep, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var ms = to.ToUnixTimeMilliseconds();
        await storage.UpdateAsync<Mark>(Key(countyId, sweep), m => m is null || m.UnixMilliseconds < ms ? new Mark(ms) : m,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
