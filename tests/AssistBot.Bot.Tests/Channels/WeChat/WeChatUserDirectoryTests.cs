using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Reminders;
using AssistBot.Bot.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>Follow state and the 48-hour customer-service window, as the reminder sender sees them.</summary>
public sealed class WeChatUserDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-users-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 6, 1, 0, 0, TimeSpan.Zero));
    private readonly EmbeddedStorage _storage;
    private readonly WeChatUserDirectory _users;

    public WeChatUserDirectoryTests()
    {
        _storage = new EmbeddedStorage(Path.Combine(_directory, "users.db"), _time);
        _users = new WeChatUserDirectory(_storage, _storage, _time);
    }

    [Fact]
    public async Task A_message_opens_the_window_for_48_hours()
    {
        await _users.RecordInboundAsync("xinfeng", "o_farmer");
        Assert.True(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_farmer"));
        Assert.Equal(_time.GetUtcNow(), (await _users.GetAsync("xinfeng", "o_farmer"))!.LastInboundAt);

        _time.Advance(TimeSpan.FromHours(47));
        Assert.True(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_farmer"));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.False(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_farmer"));
        Assert.False(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_never_wrote"));
        Assert.Null(await _users.GetAsync("xinfeng", "o_never_wrote"));
    }

    [Fact]
    public async Task Unfollowing_closes_the_window_and_a_later_message_proves_the_user_is_back()
    {
        await _users.RecordSubscribedAsync("xinfeng", "o_farmer");
        _time.Advance(TimeSpan.FromMinutes(5));
        await _users.RecordUnsubscribedAsync("xinfeng", "o_farmer");
        var gone = await _users.GetAsync("xinfeng", "o_farmer");
        Assert.False(gone!.Subscribed);
        Assert.False(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_farmer"));

        // The re-follow event was missed, but the user writes again.
        _time.Advance(TimeSpan.FromMinutes(1));
        await _users.RecordInboundAsync("xinfeng", "o_farmer");
        var back = await _users.GetAsync("xinfeng", "o_farmer");
        Assert.True(back!.Subscribed);
        Assert.Equal(_time.GetUtcNow(), back.LastInboundAt);
        Assert.True(await _users.IsCustomerServiceWindowOpenAsync("xinfeng", "o_farmer"));
    }

    [Fact]
    public async Task Counties_keep_separate_records()
    {
        await _users.RecordInboundAsync("xinfeng", "o_same");
        Assert.False(await _users.IsCustomerServiceWindowOpenAsync("yuzhou", "o_same"));
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
