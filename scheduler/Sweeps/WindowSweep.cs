using System.Runtime.CompilerServices;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>Tells subscribed farmers when an application window opens and 3 days before it closes.</summary>
public sealed class WindowSweep(IWindowSubscribers subscribers, TimeProvider time) : IReminderSweep
{
    public string Name => ReminderKinds.Window;

    public bool CadreFacing => false;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var window in county.Pack.Windows)
        {
            foreach (var (stage, day) in WindowRules.Occurrences(window, firstDay, lastDay))
            {
                var closing = stage == WindowRules.Closing;
                var text = closing ? ReminderTexts.WindowClosing(window, day) : ReminderTexts.WindowOpening(window);
                var template = new OutboxTemplate(Name, ReminderTexts.WindowTemplateFields(window, day, closing));
                await foreach (var openId in subscribers.ListAsync(county.Id, cancellationToken).ConfigureAwait(false))
                {
                    yield return SweepSupport.Message(ReminderKinds.Key(Name, county.Id, $"{window.Id}:{openId}", window.ClosesOn, stage),
                        Name, county, OutboxRecipient.Farmer(openId), text, day, now, window.Id, stage) with { Template = template };
                }
            }
        }
    }
}
