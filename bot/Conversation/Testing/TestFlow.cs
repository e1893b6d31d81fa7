using System.Text;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Conversation.Testing;

/// <summary>
/// Bot Builder's TestFlow: a dialog test written as a script of user lines and expected bot lines, run through the
/// real adapter pipeline (middleware, state, dialogs) one turn after another.
/// <code>
/// await new TestFlow(adapter, bot, county)
///     .Send("你好").AssertReplyContains("政策咨询")
///     .Send("5").AssertReplyContains("帮助")
///     .StartTestAsync();
/// </code>
/// Replies are compared as rendered for text channels: the text, then suggested actions as "1. label" lines.
/// </summary>
public sealed class TestFlow
{
    private readonly TurnRunner _turns;
    private readonly County? _county;
    private readonly List<(string Description, Func<Task> Run)> _steps = [];
    private readonly Queue<Activity> _replies = new();
    private readonly StringBuilder _transcript = new();

    public TestFlow(BufferingBotAdapter adapter, IBot bot, County? county = null, string userId = "user1",
        string channelId = Channels.Test, string? conversationId = null)
    {
        _turns = new TurnRunner(adapter, bot);
        _county = county;
        User = new ChannelAccount(userId, "测试用户", "user");
        ChannelId = channelId;
        Conversation = new ConversationAccount(conversationId ?? $"{county?.Id ?? "test"}:{userId}");
    }

    public ChannelAccount User { get; }

    public ChannelAccount Bot { get; } = new("assistbot", "AssistBot", "bot");

    public ConversationAccount Conversation { get; }

    public string ChannelId { get; }

    public TestFlow Send(string text) => Send(new Activity { Type = ActivityTypes.Message, Text = text });

    public TestFlow Send(Activity activity)
    {
        _steps.Add(($"send {Describe(activity)}", () => ProcessAsync(activity)));
        return this;
    }

    /// <summary>First contact: conversationUpdate with the user in membersAdded.</summary>
    public TestFlow SendConversationUpdate() =>
        Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [User] });

    public TestFlow SendEvent(string name, string? value = null) => Send(new Activity
    {
        Type = ActivityTypes.Event,
        Name = name,
        Value = value is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(value),
    });

    /// <summary>The next reply is exactly <paramref name="expected"/> (its text, or its rendered text with choices).</summary>
    public TestFlow AssertReply(string expected) =>
        AssertReply(a => a.Text == expected || ReplyRendering.ToText(a) == expected, $"reply \"{expected}\"");

    public TestFlow AssertReply(Func<Activity, bool> predicate, string description)
    {
        _steps.Add(($"expect {description}", () =>
        {
            var reply = NextReply(description);
            if (!predicate(reply)) Fail($"Expected {description} but the bot said:\n{ReplyRendering.ToText(reply)}");
            return Task.CompletedTask;
        }));
        return this;
    }

    /// <summary>Inspects the next reply with assertions of your own.</summary>
    public TestFlow AssertReply(Action<Activity> inspect)
    {
        _steps.Add(("inspect the next reply", () =>
        {
            inspect(NextReply("a reply"));
            return Task.CompletedTask;
        }));
        return this;
    }

    /// <summary>The next reply's rendered text contains every fragment.</summary>
    public TestFlow AssertReplyContains(params string[] fragments) =>
        AssertReply(a => fragments.All(f => ReplyRendering.ToText(a).Contains(f, StringComparison.Ordinal)),
            $"a reply containing {string.Join(" and ", fragments.Select(f => $"\"{f}\""))}");

    /// <summary>The next reply's rendered text contains none of the fragments.</summary>
    public TestFlow AssertReplyDoesNotContain(params string[] fragments) =>
        AssertReply(a => !fragments.Any(f => ReplyRendering.ToText(a).Contains(f, StringComparison.Ordinal)),
            $"a reply without {string.Join(" or ", fragments.Select(f => $"\"{f}\""))}");

    public TestFlow AssertNoReply()
    {
        _steps.Add(("expect no reply", () =>
        {
            if (_replies.Count > 0) Fail($"Expected no reply but the bot said:\n{ReplyRendering.ToText(_replies.Peek())}");
            return Task.CompletedTask;
        }));
        return this;
    }

    /// <summary>Drops any replies not asserted yet (when a step's extra lines do not matter).</summary>
    public TestFlow SkipReplies()
    {
        _steps.Add(("skip replies", () =>
        {
            _replies.Clear();
            return Task.CompletedTask;
        }));
        return this;
    }

    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    public TestFlow Test(string userSays, Action<Activity> inspect) => Send(userSays).AssertReply(inspect);

    public async Task StartTestAsync()
    {
        foreach (var (_, run) in _steps) await run().ConfigureAwait(false);
    }

    private async Task ProcessAsync(Activity activity)
    {
        if (_replies.Count > 0)
            Fail($"Sent the next message while a reply was not asserted:\n{ReplyRendering.ToText(_replies.Peek())}");
        activity.Id ??= Guid.NewGuid().ToString("N");
        activity.ChannelId ??= ChannelId;
        activity.From ??= User;
        activity.Recipient ??= Bot;
        activity.Conversation ??= Conversation;
        activity.Locale ??= "zh-CN";
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        _transcript.Append("用户: ").AppendLine(Describe(activity));
        var result = await _turns.RunAsync(activity, _county).ConfigureAwait(false);
        foreach (var reply in result.Replies)
        {
            if (reply.Type != ActivityTypes.Message) continue;
            _replies.Enqueue(reply);
            _transcript.Append("机器人: ").AppendLine(ReplyRendering.ToText(reply));
        }
    }

    private Activity NextReply(string description)
    {
        if (!_replies.TryDequeue(out var reply)) Fail($"Expected {description} but there was no reply.");
        return reply!;
    }

    private static string Describe(Activity activity) => activity.Type switch
    {
        ActivityTypes.Message => $"\"{activity.Text}\"",
        ActivityTypes.Event => $"event {activity.Name} {activity.Value}",
        _ => activity.Type,
    };

    private void Fail(string message) =>
        throw new TestFlowException($"{message}\n--- transcript ---\n{_transcript}");
}
