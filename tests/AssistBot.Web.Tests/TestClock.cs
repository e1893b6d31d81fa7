namespace AssistBot.Web.Tests;

/// <summary>
/// A clock the test moves by hand (the service's <see cref="TimeProvider"/>); timers still run on real time. Not
/// <c>FakeTimeProvider</c>: the live service under a browser needs its timers to fire by themselves (the pack reload's
/// debounce after a staff edit, the passive-reply timeout, the delivery worker's poll), and a fake clock's fire only
/// when the test advances it.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
