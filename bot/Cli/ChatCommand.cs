using System.CommandLine;
using System.Text;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>chat --county ID</c>: talk to the bot in this terminal, over the configured storage (the embedded store by
/// default), without the web server. Choices are shown as numbered lines; Ctrl-D or "exit" leaves.
/// </summary>
public sealed class ChatCommand(TurnRunner turns, Counties counties) : CliVerb
{
    private readonly Option<string> _county = new("--county") { Description = "县的编号（不写用 DefaultCounty）", HelpName = "ID" };

    private readonly Option<string> _user = new("--user") { Description = "扮演的用户编号", DefaultValueFactory = _ => "console-user", HelpName = "ID" };

    public override string Name => "chat";

    public override string Description => "在终端里和机器人对话（exit 或 Ctrl-D 退出）";

    public override void Configure(Command command)
    {
        command.Options.Add(_county);
        command.Options.Add(_user);
    }

    /// <summary>Where input comes from and replies go (the console unless a test sets them).</summary>
    public TextReader? Input { get; set; }

    public TextWriter? Output { get; set; }

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var input = Input ?? Console.In;
        var output = Output ?? Console.Out;
        if (Output is null)
        {
            Console.OutputEncoding = Encoding.UTF8;
            Console.InputEncoding = Encoding.UTF8;
        }

        var countyId = parse.GetValue(_county);
        County? county;
        if (countyId is null) county = counties.Default;
        else counties.TryGet(countyId, out county);
        if (county is null)
        {
            await output.WriteLineAsync($"未知的县（--county {countyId}）。可用：{string.Join("、", counties.All.Select(c => c.Id))}").ConfigureAwait(false);
            return 2;
        }

        var userId = parse.GetValue(_user) ?? "console-user";
        var user = new ChannelAccount(userId, "控制台用户", "user");
        var botAccount = new ChannelAccount("assistbot", "AssistBot", "bot");
        var conversation = new ConversationAccount($"{county.Id}:{userId}");
        var interactive = Input is null && !Console.IsInputRedirected;

        await output.WriteLineAsync($"AssistBot 控制台对话 · {county.Name}（输入 exit 或按 Ctrl-D 退出）").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);

        await TurnAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [user],
        }).ConfigureAwait(false);

        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive) await output.WriteAsync("你> ").ConfigureAwait(false);
            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (line is null) break;
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line is "exit" or "quit" or "EXIT" or "QUIT") break;
            if (!interactive) await output.WriteLineAsync("你> " + line).ConfigureAwait(false);
            await TurnAsync(new Activity { Type = ActivityTypes.Message, Text = line }).ConfigureAwait(false);
        }
        await output.WriteLineAsync("再见！").ConfigureAwait(false);
        return 0;

        async Task TurnAsync(Activity activity)
        {
            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = Channels.Console;
            activity.From = user;
            activity.Recipient = botAccount;
            activity.Conversation = conversation;
            activity.Locale = "zh-CN";
            var result = await turns.RunAsync(activity, county, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var reply in result.Replies)
            {
                if (reply.Type != ActivityTypes.Message) continue;
                await output.WriteLineAsync("助手> " + ReplyRendering.ToText(reply).Replace("\n", "\n      ")).ConfigureAwait(false);
            }
            await output.WriteLineAsync().ConfigureAwait(false);
        }
    }
}
