using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>The outbox behaviour every storage backend must give.</summary>
public abstract class OutboxContractTests
{
    protected abstract IStorage Storage { get; }

    private static readonly DateTimeOffset Now = new(2024, 5, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private IOutbox NewOutbox() => new StorageOutbox(Storage, Storage, Storage, Storage, TimeProvider.System, "test-outbox-" + Guid.NewGuid().ToString("N"));

    private static OutboxMessage Message(string key, DateTimeOffset? due = null) => new()
    {
        IdempotencyKey = key,
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = OutboxRecipient.Farmer("o6_farmer"),
        Text = "您在信丰县农商银行的5万元小额信贷将于2024年5月31日到期。",
        FallbackRecipient = OutboxRecipient.Cadre("liuganbu"),
        FallbackText = "请电话告知 张三：贷款5月31日到期。",
        DueAt = due ?? Now,
        CreatedAt = Now,
    };

    [Fact]
    public async Task Enqueueing_the_same_key_twice_stores_it_once()
    {
        var outbox = NewOutbox();

        Assert.True(await outbox.EnqueueAsync(Message("loan-repayment:XF001:2024-05-31:30d")));
        Assert.False(await outbox.EnqueueAsync(Message("loan-repayment:XF001:2024-05-31:30d")));

        var due = await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1));
        Assert.Single(due);
        Assert.Equal(1, (await outbox.CountsAsync()).Enqueued);
    }

    [Fact]
    public async Task A_borrower_prompt_stored_as_facts_is_handed_out_with_its_texts()
    {
        var outbox = NewOutbox();
        var message = StoredMessageShapeTests.FactsMessage();

        Assert.True(await outbox.EnqueueAsync(message));
        var taken = Assert.Single(await outbox.TakeDueAsync(message.DueAt, 10, TimeSpan.FromMinutes(1)));

        Assert.Equal(message, taken.Message);
        Assert.StartsWith("【还款提醒】张三您好", taken.Message.Text);
        Assert.Equal(message.Text, taken.Message.Text);
        Assert.Equal(message.Template!.Fields, taken.Message.Template!.Fields);
        Assert.Equal(message.FallbackText, taken.Message.FallbackText);
    }

    [Fact]
    public async Task Concurrent_enqueues_of_one_key_store_it_once()
    {
        var outbox = NewOutbox();
        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => Task.Run(async () => await outbox.EnqueueAsync(Message("same-key")))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task A_batch_stores_each_key_once_within_it_and_across_batches()
    {
        var outbox = NewOutbox();
        Assert.True(await outbox.EnqueueAsync(Message("k1")));

        var stored = await outbox.EnqueueManyAsync([Message("k1"), Message("k2"), Message("k3"), Message("k2")]);
        var again = await outbox.EnqueueManyAsync([Message("k3"), Message("k4")]);

        Assert.Equal((2, 1), (stored, again));
        Assert.Equal(4, (await outbox.CountsAsync()).Enqueued);
        var due = await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1));
        Assert.Equal(["k1", "k2", "k3", "k4"], due.Select(e => e.Message.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(due, e => Assert.Equal(OutboxStatus.Pending, e.Status));
    }

    [Fact]
    public async Task A_batch_does_not_requeue_a_message_already_sent()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("done"));
        var entry = Assert.Single(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));
        await outbox.MarkSentAsync(entry.Id, "wechat:custom");

        Assert.Equal(1, await outbox.EnqueueManyAsync([Message("done"), Message("new")]));

        Assert.Equal(OutboxStatus.Sent, (await outbox.GetAsync(entry.Id))!.Status);
        Assert.Equal("new", Assert.Single(await outbox.TakeDueAsync(Now.AddDays(1), 10, TimeSpan.FromMinutes(1))).Message.IdempotencyKey);
    }

    [Fact]
    public async Task A_sent_message_keeps_its_key_claimed_after_the_message_itself_is_gone()
    {
        var outbox = new StorageOutbox(Storage, Storage, Storage, Storage, TimeProvider.System, "test-outbox-" + Guid.NewGuid().ToString("N"));
        await outbox.EnqueueManyAsync([Message("sent-long-ago"), Message("never-sent")]);
        var taken = await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1));
        var sent = taken.Single(e => e.Message.IdempotencyKey == "sent-long-ago").Id;
        var unsent = taken.Single(e => e.Message.IdempotencyKey == "never-sent").Id;
        await outbox.MarkSentAsync(sent, "wechat:custom");
        // A sent message is kept 90 days, its key about 400: here both documents vanish early.
        foreach (var entry in taken) await Storage.DeleteAsync(outbox.MessageKey(entry.Id));

        Assert.Equal(1, await outbox.EnqueueManyAsync([Message("sent-long-ago"), Message("never-sent")]));

        Assert.Null(await outbox.GetAsync(sent));
        Assert.Equal(OutboxStatus.Pending, (await outbox.GetAsync(unsent))!.Status);
    }

    [Fact]
    public async Task Concurrent_batches_of_the_same_keys_store_each_once()
    {
        var outbox = NewOutbox();
        var messages = Enumerable.Range(0, 300).Select(i => Message($"race-{i}")).ToList();

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await outbox.EnqueueManyAsync(messages))));

        Assert.Equal(300, stored.Sum());
        Assert.Equal(300, (await outbox.CountsAsync()).Enqueued);
    }

    [Fact]
    public async Task A_message_is_not_handed_out_before_it_is_due()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("later", Now.AddHours(2)));

        Assert.Empty(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));
        Assert.Single(await outbox.TakeDueAsync(Now.AddHours(2), 10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_leased_message_is_not_handed_to_a_second_worker()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("leased"));

        Assert.Single(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));
        Assert.Empty(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Sent_message_is_done_and_counted_by_route()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("sent"));
        var entry = Assert.Single(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));

        await outbox.MarkSentAsync(entry.Id, "wechat:template");

        Assert.Empty(await outbox.TakeDueAsync(Now.AddDays(1), 10, TimeSpan.FromMinutes(1)));
        var stored = await outbox.GetAsync(entry.Id);
        Assert.Equal(OutboxStatus.Sent, stored!.Status);
        Assert.Equal("wechat:template", stored.DeliveredVia);
        var counts = await outbox.CountsAsync();
        Assert.Equal((1, 0, 1, 0), (counts.Enqueued, counts.Pending, counts.Sent, counts.Failed));
        Assert.Equal(1, counts.SentByRoute["wechat:template"]);
        Assert.False(await outbox.EnqueueAsync(Message("sent")));
    }

    [Fact]
    public async Task Retry_hands_the_message_out_again_at_the_retry_time()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("retry"));
        var entry = Assert.Single(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));

        await outbox.RetryAtAsync(entry.Id, Now.AddMinutes(5), "-1 system busy");

        Assert.Empty(await outbox.TakeDueAsync(Now.AddMinutes(4), 10, TimeSpan.FromMinutes(1)));
        var again = Assert.Single(await outbox.TakeDueAsync(Now.AddMinutes(5), 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, again.Attempts);
        Assert.Equal("-1 system busy", again.LastError);
    }

    [Fact]
    public async Task Permanent_failure_keeps_its_reason_and_is_listed()
    {
        var outbox = NewOutbox();
        await outbox.EnqueueAsync(Message("failed"));
        var entry = Assert.Single(await outbox.TakeDueAsync(Now, 10, TimeSpan.FromMinutes(1)));

        await outbox.MarkFailedAsync(entry.Id, "40003 invalid openid");

        var failed = Assert.Single(await outbox.ListAsync(OutboxStatus.Failed));
        Assert.Equal("40003 invalid openid", failed.LastError);
        Assert.Empty(await outbox.TakeDueAsync(Now.AddDays(1), 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, (await outbox.CountsAsync()).Failed);
    }
}

public sealed class EmbeddedOutboxTests : OutboxContractTests, IDisposable
{
    private readonly TempEmbeddedStorage _embedded = new("assistbot-outbox-");

    protected override IStorage Storage => _embedded.Storage;

    public void Dispose() => _embedded.Dispose();
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisOutboxTests(SharedRedis redis) : OutboxContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}
