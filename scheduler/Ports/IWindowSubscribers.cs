namespace AssistBot.Scheduler.Ports;

/// <summary>Bound farmers (WeChat openids) who asked for application-window notices ("订阅").</summary>
public interface IWindowSubscribers
{
    IAsyncEnumerable<string> ListAsync(string countyId, CancellationToken cancellationToken = default);
}
