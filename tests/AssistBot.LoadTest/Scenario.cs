namespace AssistBot.LoadTest;

/// <summary>One measured combination (server, WeChat mode), accumulated over its interleaved slices.</summary>
public sealed class Scenario(string name, ServerProcess server, string mode, string? redis)
{
    private readonly List<WorkerResult> _workers = [];
    private TimeSpan _elapsed, _serverCpu, _redisCpu;

    public string Name { get; } = name;
    public ServerProcess Server { get; } = server;
    public string Mode { get; } = mode;
    public string? Redis { get; } = redis;
    public double RssStartMiB { get; set; }
    public double RssEndMiB { get; set; }
    public double PeakMiB { get; set; }

    public void Add(IEnumerable<WorkerResult> workers, TimeSpan elapsed, TimeSpan serverCpu, TimeSpan? redisCpu)
    {
        _workers.AddRange(workers);
        _elapsed += elapsed;
        _serverCpu += serverCpu;
        _redisCpu += redisCpu ?? TimeSpan.Zero;
    }

    public LoadResult Result() => LoadResult.Combine(_workers, _elapsed);

    public double ServerCpuMicrosPerMessage => PerMessage(_serverCpu);

    public double RedisCpuMicrosPerMessage => PerMessage(_redisCpu);

    private double PerMessage(TimeSpan cpu) => Result().Requests is var n and > 0 ? cpu.TotalMicroseconds / n : 0;
}
