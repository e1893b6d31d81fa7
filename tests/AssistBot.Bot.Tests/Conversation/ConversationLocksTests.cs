using AssistBot.Bot.Conversation;

namespace AssistBot.Bot.Tests.Conversation;

public sealed class ConversationLocksTests
{
    [Fact]
    public async Task Waiters_get_the_lock_in_arrival_order_and_idle_entries_are_removed()
    {
        var locks = new ConversationLocks();
        var order = new List<int>();
        var first = await locks.AcquireAsync("wechat/yuzhou:o1");
        var waiters = Enumerable.Range(1, 5).Select(async i =>
        {
            using (await locks.AcquireAsync("wechat/yuzhou:o1"))
            {
                lock (order) order.Add(i);
                await Task.Yield();
            }
        }).ToList();
        using (await locks.AcquireAsync("wechat/yuzhou:other")) { } // other conversations are not blocked
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(waiters);

        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_does_not_block_the_others()
    {
        var locks = new ConversationLocks();
        var held = await locks.AcquireAsync("k");
        using var cancel = new CancellationTokenSource();
        var giving = locks.AcquireAsync("k", cancel.Token).AsTask();
        var patient = locks.AcquireAsync("k").AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giving);

        held.Dispose();
        (await patient.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, locks.Count);
    }
}
