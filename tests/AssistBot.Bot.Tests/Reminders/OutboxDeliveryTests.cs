using System.Collections.Concurrent;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The delivery worker's routes over a scripted sender that answers like the WeChat API would (45015, 43004, -1):
/// template fallback outside the 48-hour window, cadre fallback when the farmer is unreachable, backoff on busy.
/// </summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-delivery-").FullName;
    private readonly EmbeddedStorage _storage;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedSender _sender = new();
    private readonly StorageOutbox _outbox;
    private readonly OutboxDelivery _delivery;

    public OutboxDeliveryTests()
    {
        _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);
        _outbox = new StorageOutbox(_storage, _storage, _storage, _storage, _clock);
        var options = new DeliveryOptions { DefaultRatePerSecond = 0, MaxAttempts = 4, RetryBaseDelay = TimeSpan.FromSeconds(30) };
        _delivery = new OutboxDelivery(_outbox, _sender, new ChannelRateLimiter(options, _clock), options, _clock,
            NullLogger<OutboxDelivery>.Instance);
    }

    private static OutboxMessage Reminder(string openId, bool withTemplate = true) => new()
    {
        IdempotencyKey = "loan-repayment:xinfeng:XF1:2024-05-31:7d:" + openId,
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = OutboxRecipient.Farmer(openId),
        Text = "【还款提醒】张三您好……",
        Template = withTemplate ? new OutboxTemplate("loan-repayment", new Dictionary<string, string> { ["keyword1"] = "5万元" }) : null,
        FallbackRecipient = OutboxRecipient.Cadre("liu.ganbu"),
        FallbackText = "【请电话转告】借款人张三……",
        DueAt = Start,
        CreatedAt = Start,
    };

    private async Task<OutboxEntry> DeliverAsync(OutboxMessage message)
    {
        await _outbox.EnqueueAsync(message);
        await _delivery.DrainAsync();
        return (await _outbox.GetAsync(OutboxIds.FromIdempotencyKey(message.IdempotencyKey)))!;
    }

    [Fact]
    public async Task Inside_the_window_the_customer_service_message_goes_out()
    {
        var entry = await DeliverAsync(Reminder("o-active"));
        Assert.Equal((OutboxStatus.Sent, "wechat:custom"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(["text wechat:o-active"], _sender.Calls);
    }

    [Fact]
    public async Task Outside_the_48_hour_window_45015_falls_back_to_the_template_message()
    {
        _sender.Script("o-quiet", text: 45015, template: 0);
        var entry = await DeliverAsync(Reminder("o-quiet"));
        Assert.Equal((OutboxStatus.Sent, "wechat:template"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(["text wechat:o-quiet", "template wechat:o-quiet"], _sender.Calls);
    }

    [Fact]
    public async Task An_unsubscribed_farmer_43004_is_reached_through_the_cadre()
    {
        _sender.Script("o-gone", text: 45015, template: 43004);
        var entry = await DeliverAsync(Reminder("o-gone"));
        Assert.Equal((OutboxStatus.Sent, "wecom:fallback"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(["text wechat:o-gone", "template wechat:o-gone", "text wecom:liu.ganbu"], _sender.Calls);
        Assert.Equal("【请电话转告】借款人张三……", _sender.Texts.Last());
    }

    [Fact]
    public async Task Without_a_template_the_closed_window_goes_straight_to_the_cadre()
    {
        _sender.Script("o-quiet", text: 45015, template: 0);
        var entry = await DeliverAsync(Reminder("o-quiet", withTemplate: false));
        Assert.Equal("wecom:fallback", entry.DeliveredVia);
    }

    [Fact]
    public async Task A_busy_platform_minus_1_is_retried_with_exponential_backoff()
    {
        _sender.Script("o-busy", text: -1, thenText: 0, failuresBeforeSuccess: 2);
        var entry = await DeliverAsync(Reminder("o-busy"));
        Assert.Equal((OutboxStatus.Pending, 1), (entry.Status, entry.Attempts));
        Assert.Equal(Start.AddSeconds(30), entry.NextAttemptAt);

        _clock.Advance(TimeSpan.FromSeconds(29));
        await _delivery.DrainAsync();
        Assert.Single(_sender.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _delivery.DrainAsync();
        entry = (await _outbox.GetAsync(entry.Id))!;
        Assert.Equal((OutboxStatus.Pending, 2), (entry.Status, entry.Attempts));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), entry.NextAttemptAt);

        _clock.Advance(TimeSpan.FromSeconds(60));
        await _delivery.DrainAsync();
        entry = (await _outbox.GetAsync(entry.Id))!;
        Assert.Equal((OutboxStatus.Sent, "wechat:custom"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(3, _sender.Calls.Count);
        Assert.Equal(2, (await _outbox.CountsAsync()).Retries);
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_attempts_with_the_reason()
    {
        _sender.Script("o-busy", text: -1, thenText: -1, failuresBeforeSuccess: 100);
        var entry = await DeliverAsync(Reminder("o-busy"));
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await _delivery.DrainAsync();
        }
        entry = (await _outbox.GetAsync(entry.Id))!;
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Contains("gave up after 4 attempts", entry.LastError);
        Assert.Contains("-1", entry.LastError);
        Assert.Equal(4, _sender.Calls.Count);
    }

    [Fact]
    public async Task A_permanent_error_with_an_unreachable_cadre_is_recorded_as_failed()
    {
        _sender.Script("o-bad", text: 40003, template: 40003);
        _sender.Script("liu.ganbu", text: 40003, template: 0);
        var entry = await DeliverAsync(Reminder("o-bad"));
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Contains("40003", entry.LastError);
        Assert.Equal(1, (await _outbox.CountsAsync()).Failed);
    }

    [Fact]
    public async Task A_reminder_nobody_can_receive_is_recorded_as_failed_with_the_reason()
    {
        var entry = await DeliverAsync(Reminder("x") with
        {
            IdempotencyKey = "loan-repayment:xinfeng:XF9:2024-05-31:7d",
            Recipient = OutboxRecipient.Unreachable("borrower not bound; cadre '王某' not on the roster"),
            FallbackRecipient = null,
        });
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Contains("not on the roster", entry.LastError);
        Assert.Empty(_sender.Calls);
    }

    [Fact]
    public async Task A_cadre_gets_at_most_30_messages_a_minute_and_the_rest_the_next_minute()
    {
        var options = new DeliveryOptions { DefaultRatePerSecond = 0, CadreDigest = false };
        var delivery = new OutboxDelivery(_outbox, _sender, new ChannelRateLimiter(options, _clock), options, _clock,
            NullLogger<OutboxDelivery>.Instance, new InMemorySendBudget(_clock));
        for (var i = 0; i < 35; i++)
            await _outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"duty:xinfeng:H{i:D3}:2024-05-01:visit",
                Kind = "duty",
                CountyId = "xinfeng",
                Recipient = OutboxRecipient.Cadre("liu.ganbu"),
                Text = $"走访 H{i:D3}",
                DueAt = Start,
                CreatedAt = Start,
            });
        await delivery.DrainAsync();
        Assert.Equal(30, _sender.Calls.Count);
        var waiting = await _outbox.ListAsync(OutboxStatus.Pending);
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, e => Assert.Equal((0, "wecom:retry(recipient-limit)"), (e.Attempts, e.Trail.Single().ToString())));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await delivery.DrainAsync();
        Assert.Equal(35, _sender.Calls.Count);
        Assert.Equal(35, (await _outbox.CountsAsync()).Sent);
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Answers per user with WeChat error codes, mapped the way the channel client maps them.</summary>
    private sealed class ScriptedSender : IMessageSender
    {
        private readonly ConcurrentDictionary<string, (int Text, int Template, int ThenText, int Failures)> _scripts = new();
        private readonly ConcurrentDictionary<string, int> _textCalls = new();

        public List<string> Calls { get; } = [];

        public List<string> Texts { get; } = [];

        public void Script(string userId, int text, int template = 0, int thenText = 0, int failuresBeforeSuccess = int.MaxValue) =>
            _scripts[userId] = (text, template, thenText, failuresBeforeSuccess);

        public ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text, CancellationToken cancellationToken = default)
        {
            lock (Calls) { Calls.Add($"text {recipient}"); Texts.Add(text); }
            var n = _textCalls.AddOrUpdate(recipient.UserId, 1, (_, c) => c + 1);
            if (!_scripts.TryGetValue(recipient.UserId, out var s)) return ValueTask.FromResult(SendOutcome.Ok);
            return ValueTask.FromResult(Map(n > s.Failures ? s.ThenText : s.Text));
        }

        public ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
        {
            lock (Calls) Calls.Add($"template {recipient}");
            return ValueTask.FromResult(Map(_scripts.TryGetValue(recipient.UserId, out var s) ? s.Template : 0));
        }

        private static SendOutcome Map(int code) => code switch
        {
            0 => SendOutcome.Ok,
            45015 => new SendOutcome(SendStatus.OutsideWindow, code, "response out of time limit"),
            43004 => new SendOutcome(SendStatus.Unsubscribed, code, "require subscribe"),
            -1 => new SendOutcome(SendStatus.Transient, code, "system busy"),
            _ => new SendOutcome(SendStatus.Permanent, code, "invalid"),
        };
    }
}
