using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;

namespace AssistBot.Scheduler.Sweeps;

internal static class SweepSupport
{
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
    }

    public static DateTimeOffset SendAt(ReminderCounty county, DateOnly day) => ChinaTime.At(day, county.Pack.SendTimeOfDay);

    public static OutboxMessage Message(string key, string kind, ReminderCounty county, OutboxRecipient to, string? text,
        DateOnly sendDay, DateTimeOffset createdAt, string subject, string stage, string? title = null, string? place = null) => new()
    {
        IdempotencyKey = key,
        Kind = kind,
        CountyId = county.Id,
        Recipient = to,
        Text = text!, // null: rendered from the facts the caller adds
        DueAt = SendAt(county, sendDay),
        CreatedAt = createdAt,
        Subject = subject,
        Stage = stage,
        Title = title,
        Place = place,
    };
}
