using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// The Direct Line WebSocket stream (<c>streamUrl</c>): pushes each new <c>ActivitySet</c> of one conversation as a
/// text frame, and an empty frame as keep-alive. It reads the same storage as polling, so it works whichever
/// instance the client's activities arrive at.
/// </summary>
public sealed class DirectLineStream(DirectLineConversationStore store, TimeProvider time, ILogger<DirectLineStream> logger)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(20);

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = DrainIncomingAsync(socket, closed);
        var lastSent = time.GetUtcNow();
        try
        {
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var (activities, next) = await store.ReadAfterAsync(conversationId, watermark, closed.Token).ConfigureAwait(false);
                if (activities.Count > 0)
                {
                    watermark = next;
                    var frame = JsonSerializer.SerializeToUtf8Bytes(
                        new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), ActivityJson.Options);
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
                    lastSent = time.GetUtcNow();
                }
                else if (time.GetUtcNow() - lastSent >= KeepAliveEvery)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
                    lastSent = time.GetUtcNow();
                }
                await Task.Delay(CheckEvery, closed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Direct Line stream for {Conversation} ended: {Reason}", conversationId, e.Message);
        }
        finally
        {
            await closed.CancelAsync().ConfigureAwait(false);
            await receiving.ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException)
                {
                }
            }
        }
    }

    /// <summary>Clients only send keep-alive pings; read and drop them, and stop the stream when the client closes.</summary>
    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await closed.CancelAsync().ConfigureAwait(false);
    }
}
