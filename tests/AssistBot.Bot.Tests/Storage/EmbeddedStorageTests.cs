using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Storage;

public sealed class EmbeddedStorageTests : StorageContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-embedded-").FullName;
    private readonly EmbeddedStorage _storage;

    public EmbeddedStorageTests() => _storage = new EmbeddedStorage(DatabasePath, TimeProvider.System);

    private string DatabasePath => Path.Combine(_directory, "assistbot.db");

    protected override IStorage Storage => _storage;

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_store()
    {
        var eTag = await _storage.WriteAsync("household/1", new { name = "李四" }, WriteCondition.Always);
        await _storage.IndexAddAsync("due", "loan-1", 42);
        await _storage.TryClaimAsync("msg/1", TimeSpan.FromHours(1));
        _storage.Dispose();

        using var reopened = new EmbeddedStorage(DatabasePath, TimeProvider.System);

        var item = await reopened.ReadAsync<Dictionary<string, string>>("household/1");
        Assert.Equal(eTag, item!.ETag);
        Assert.Equal("李四", item.Value["name"]);
        Assert.Equal(42, await reopened.IndexScoreAsync("due", "loan-1"));
        Assert.False(await reopened.TryClaimAsync("msg/1", TimeSpan.FromHours(1)));
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

public sealed class EmbeddedStorageBatchTests : StorageBatchContractTests, IDisposable
{
    private readonly TempEmbeddedStorage _embedded = new("assistbot-embedded-");

    protected override IStorage Storage => _embedded.Storage;

    public void Dispose() => _embedded.Dispose();
}
