using System.Threading.Channels;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Turns accepted by <c>/api/messages</c> without <c>expectReplies</c>: the request is answered at once and the turn
/// runs here, each reply posted to the activity's <c>serviceUrl</c> as the bot sends it. Turns of one conversation
/// run in order (one lane per conversation hash); different conversations run in parallel.
/// </summary>
public sealed class ConnectorReplyQueue : BackgroundService
{
    private const int Lanes = 4;
    private const int CapacityPerLane = 256;
    private readonly Channel<QueuedTurn>[] _lanes;
    private readonly BotTurnRunner _runner;
    private readonly IServiceProvider _services;
    private readonly ILogger<ConnectorReplyQueue> _logger;

    public ConnectorReplyQueue(BotTurnRunner runner, IServiceProvider services, ILogger<ConnectorReplyQueue> logger)
    {
        _runner = runner;
        _services = services;
        _logger = logger;
        _lanes = new Channel<QueuedTurn>[Lanes];
        for (var i = 0; i < Lanes; i++)
            _lanes[i] = Channel.CreateBounded<QueuedTurn>(new BoundedChannelOptions(CapacityPerLane)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
    }

    /// <summary>Queues a turn; false when the queue is full (the caller answers 503).</summary>
    public bool TryEnqueue(County county, Activity activity)
    {
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? "") % Lanes);
        return _lanes[lane].Writer.TryWrite(new QueuedTurn(county, activity));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => RunLaneAsync(lane.Reader, stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task RunLaneAsync(ChannelReader<QueuedTurn> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in reader.ReadAllAsync(stoppingToken))
                await RunTurnAsync(turn, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunTurnAsync(QueuedTurn turn, CancellationToken stoppingToken)
    {
        var activity = turn.Activity;
        try
        {
            await _runner.RunAsync(turn.County, activity, DeliverAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Turn for {Channel} conversation {Conversation} failed", activity.ChannelId, activity.Conversation?.Id);
        }
    }

    private async Task DeliverAsync(Activity reply, CancellationToken cancellationToken)
    {
        try
        {
            // A typed HttpClient per send, so the factory can rotate handlers (DNS changes) in a long-running queue.
            await _services.GetRequiredService<ConnectorClient>().SendAsync(reply, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or InvalidOperationException or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested)
        {
            // A reply that cannot be delivered must not break the bot's turn (its state is saved either way).
            _logger.LogWarning("Reply to {Channel} conversation {Conversation} not delivered: {Error}",
                reply.ChannelId, reply.Conversation?.Id, e.Message);
        }
    }

    private sealed record QueuedTurn(County County, Activity Activity);
}
