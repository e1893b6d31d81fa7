namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>A clock the test moves by hand (timers are not needed by the code under test).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
