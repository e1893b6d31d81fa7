using System.Runtime.CompilerServices;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>Farmers who said "订阅" (application-window notices), per county.</summary>
public sealed class StorageWindowSubscribers(IScoredIndex storage) : IWindowSubscribers
{
    private static string Index(string county) => $"reminders/{county}/idx/window-subscribers";

    public ValueTask SubscribeAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        storage.IndexAddAsync(Index(county), openId, 0, cancellationToken);

    public async ValueTask<bool> UnsubscribeAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        await storage.IndexRemoveAsync(Index(county), openId, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> IsSubscribedAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        await storage.IndexScoreAsync(Index(county), openId, cancellationToken).ConfigureAwait(false) is not null;

    public async IAsyncEnumerable<string> ListAsync(string countyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int Page = 500;
        for (var skip = 0; ; skip += Page)
        {
            var page = await storage.IndexRangeByScoreAsync(Index(countyId), double.MinValue, double.MaxValue, skip, Page, cancellationToken)
                .ConfigureAwait(false);
            foreach (var entry in page) yield return entry.Member;
            if (page.Count < Page) yield break;
        }
    }
}
