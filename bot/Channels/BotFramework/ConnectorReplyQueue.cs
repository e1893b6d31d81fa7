using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Turns accepted by <c>/api/messages</c> without <c>expectReplies</c>: the request is answered at once and the turn
/// runs here, each reply posted to the activity's <c>serviceUrl</c> as the bot sends it. Each conversation has its own
/// lane (its turns run in order); lanes run independently, so a serviceUrl that is slow or never answers holds up only
/// its own conversation, and each reply is given up after <c>BotFramework:ReplyTimeout</c>. Queued turns are bounded
/// in total and per serviceUrl host (503 beyond), so one endpoint cannot take every slot.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A singleton that lives as long as the process; disposing the stopping token source at shutdown while a late turn or StopAsync still uses it would throw (ObjectDisposedException), and the OS frees it anyway.")]
public sealed class ConnectorReplyQueue : IHostedService
{
    private const int MaxQueued = 2048;
    private const int MaxQueuedPerHost = 256;

    private readonly Dictionary<string, Queue<QueuedTurn>> _lanes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Task> _running = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly BotTurnRunner _runner;
    private readonly IServiceProvider _services;
    private readonly TimeSpan _replyTimeout;
    private readonly ILogger<ConnectorReplyQueue> _logger;
    private int _queued;

    public ConnectorReplyQueue(BotTurnRunner runner, IServiceProvider services, IOptions<BotFrameworkOptions> options,
        ILogger<ConnectorReplyQueue> logger)
    {
        _runner = runner;
        _services = services;
        _replyTimeout = options.Value.ReplyTimeout;
        _logger = logger;
    }

    /// <summary>
    /// Queues a turn whose replies may reach what <paramref name="reach"/> allows; false when the queue (or this
    /// serviceUrl host's share of it) is full (the caller answers 503).
    /// </summary>
    public bool TryEnqueue(County county, Activity activity, ServiceUrlReach reach, string? originalChannelId = null)
    {
        var lane = string.Concat(activity.ChannelId, "/", activity.Conversation?.Id);
        var host = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) ? uri.Authority : "";
        var turn = new QueuedTurn(county, activity, reach, originalChannelId, host);
        lock (_lanes)
        {
            if (_stopping.IsCancellationRequested || _queued >= MaxQueued) return false;
            var hostCount = _perHost.GetValueOrDefault(host);
            if (hostCount >= MaxQueuedPerHost) return false;
            _perHost[host] = hostCount + 1;
            _queued++;
            if (_lanes.TryGetValue(lane, out var waiting))
            {
                waiting.Enqueue(turn);
                return true;
            }
            _lanes[lane] = new Queue<QueuedTurn>();
            var task = Task.Run(() => RunLaneAsync(lane, turn));
            _running.Add(task);
            _ = task.ContinueWith(t => { lock (_lanes) _running.Remove(t); }, TaskScheduler.Default);
        }
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_lanes)
        {
            _stopping.Cancel();
            running = [.. _running];
        }
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(string lane, QueuedTurn first)
    {
        var turn = first;
        while (true)
        {
            await RunTurnAsync(turn).ConfigureAwait(false);
            lock (_lanes)
            {
                _queued--;
                if (--_perHost[turn.Host] == 0) _perHost.Remove(turn.Host);
                var waiting = _lanes[lane];
                if (waiting.Count == 0 || _stopping.IsCancellationRequested)
                {
                    _queued -= waiting.Count;
                    foreach (var dropped in waiting)
                        if (--_perHost[dropped.Host] == 0) _perHost.Remove(dropped.Host);
                    _lanes.Remove(lane);
                    return;
                }
                turn = waiting.Dequeue();
            }
        }
    }

    private async Task RunTurnAsync(QueuedTurn turn)
    {
        var activity = turn.Activity;
        try
        {
            await _runner.RunAsync(turn.County, activity, (reply, ct) => DeliverAsync(turn, reply, ct), _stopping.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Turn for {Channel} conversation {Conversation} failed", activity.ChannelId, activity.Conversation?.Id);
        }
    }

    private async Task DeliverAsync(QueuedTurn turn, Activity reply, CancellationToken cancellationToken)
    {
        ActivityChannelIds.Restore(reply, turn.Activity, turn.OriginalChannelId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_replyTimeout);
        try
        {
            // A typed HttpClient per send, so the factory can rotate handlers (DNS changes) in a long-running queue.
            await _services.GetRequiredService<ConnectorClient>().SendAsync(reply, turn.Reach, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or ArgumentException or InvalidOperationException or OperationCanceledException
                                      && !cancellationToken.IsCancellationRequested)
        {
            // A reply that cannot be delivered must not break the bot's turn (its state is saved either way).
            _logger.LogWarning("Reply to {Channel} conversation {Conversation} not delivered: {Error}",
                reply.ChannelId, reply.Conversation?.Id, timeout.IsCancellationRequested ? $"no answer within {_replyTimeout}" : e.Message);
        }
    }

    private sealed record QueuedTurn(County County, Activity Activity, ServiceUrlReach Reach, string? OriginalChannelId, string Host);
}
