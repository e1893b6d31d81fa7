using StackExchange.Redis;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// A private Redis Cluster of redis-server processes on free loopback ports: <c>masters</c> masters sharing the 16384
/// slots, each with <c>replicasPerMaster</c> replicas. Formed with CLUSTER MEET / ADDSLOTSRANGE / REPLICATE, so only
/// redis-server is needed (from ASSISTBOT_REDIS_SERVER or PATH, like <see cref="RedisServer"/>).
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly string _directory;

    private RedisCluster(string directory, IReadOnlyList<RedisServer> masters, IReadOnlyList<RedisServer> replicas) =>
        (_directory, Masters, Replicas) = (directory, masters, replicas);

    public IReadOnlyList<RedisServer> Masters { get; }

    public IReadOnlyList<RedisServer> Replicas { get; }

    /// <summary>A connection string naming every node.</summary>
    public string Configuration => string.Join(",", Masters.Concat(Replicas).Select(s => s.Configuration));

    public static async Task<RedisCluster> StartAsync(int masters = 3, int replicasPerMaster = 0)
    {
        var directory = Directory.CreateTempSubdirectory("assistbot-cluster-").FullName;
        var masterNodes = new List<RedisServer>();
        var replicaNodes = new List<RedisServer>();
        async Task<RedisServer> Node(string name) =>
            await RedisServer.StartAsync("--cluster-enabled", "yes", "--cluster-port", RedisServer.FreePort().ToString(),
                "--cluster-config-file", Path.Combine(directory, name + ".conf"), "--cluster-node-timeout", "2000",
                "--dir", directory);
        for (var i = 0; i < masters; i++) masterNodes.Add(await Node("m" + i));
        for (var i = 0; i < masters * replicasPerMaster; i++) replicaNodes.Add(await Node("r" + i));
        var cluster = new RedisCluster(directory, masterNodes, replicaNodes);
        try
        {
            await cluster.FormAsync(replicasPerMaster);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    private async Task FormAsync(int replicasPerMaster)
    {
        var all = Masters.Concat(Replicas).ToList();
        var first = all[0];
        for (var i = 0; i < Masters.Count; i++)
        {
            var from = 16384 * i / Masters.Count;
            var to = 16384 * (i + 1) / Masters.Count - 1;
            await RunAsync(Masters[i], "CLUSTER", "ADDSLOTSRANGE", from, to);
        }
        foreach (var node in all.Skip(1)) await RunAsync(node, "CLUSTER", "MEET", "127.0.0.1", first.Port);
        for (var i = 0; i < Replicas.Count; i++)
        {
            var master = Masters[i / replicasPerMaster];
            var masterId = (string)(await RunAsync(master, "CLUSTER", "MYID"))!;
            // The replica must know the master before it can follow it.
            await WaitAsync(async () => ((string)(await RunAsync(Replicas[i], "CLUSTER", "NODES"))!).Contains(masterId, StringComparison.Ordinal));
            await RunAsync(Replicas[i], "CLUSTER", "REPLICATE", masterId);
        }
        foreach (var node in all)
            await WaitAsync(async () => ((string)(await RunAsync(node, "CLUSTER", "INFO"))!).Contains("cluster_state:ok", StringComparison.Ordinal));
        foreach (var replica in Replicas)
            await WaitAsync(async () => ((string)(await RunAsync(replica, "INFO", "replication"))!).Contains("master_link_status:up", StringComparison.Ordinal));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException("The Redis Cluster did not form within 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>One command on one node (a direct connection, not cluster-routed).</summary>
    public static async Task<RedisResult> RunAsync(RedisServer node, string command, params object[] args)
    {
        var options = ConfigurationOptions.Parse(node.Configuration);
        options.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        return await connection.GetServer(node.Configuration).ExecuteAsync(command, args);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Masters.Concat(Replicas)) await node.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
