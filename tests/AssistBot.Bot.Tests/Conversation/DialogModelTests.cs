using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Prompts;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Conversation.Testing;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

public sealed class DialogModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-dialogs-").FullName;

    [Fact]
    public async Task RunAsync_with_ReplaceDialog_loops_until_done_without_the_router()
    {
        using var storage = new EmbeddedStorage(Path.Combine(_directory, "a.db"), TimeProvider.System);
        var state = new ConversationState(storage);
        var bot = new LoopBot(state);
        await new TestFlow(new BufferingBotAdapter(), bot)
            .Test("开始", "说一个大于10的数：")
            .Send("五").AssertReply("太小了，再来一次。").AssertReply("说一个大于10的数：")
            .Send("20").AssertReply("好，20。")
            .Test("再来", "说一个大于10的数：")
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_from_the_first_question_of_a_nested_dialog_returns_to_the_outer_question()
    {
        await using var host = EngineHost.Embedded(s => s.AddSingleton<IRouteHandler, NestedFeature>());
        await host.Flow()
            .Send("嵌套").AssertReply("您住哪个乡镇？")
            .Send("褚河镇").AssertReply("哪个村？")
            .Send("上一步").AssertReply("好的，回到上一步。")
            .AssertReply("您住哪个乡镇？")
            .Send("花石镇").AssertReply("哪个村？")
            .Send("帮助").AssertReplyContains("村委会的名字").AssertReply("哪个村？")
            .Send("大涧村").AssertReply("记下了：花石镇大涧村。")
            .StartTestAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A bot with one looping waterfall run by Dialog.RunAsync (no router, no interruptions).</summary>
    private sealed class LoopBot(ConversationState state) : IBot
    {
        private readonly IStatePropertyAccessor<DialogState> _dialogState = state.CreateProperty<DialogState>("DialogState");
        private readonly ComponentDialog _root = BuildRoot();

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            await _root.RunAsync(turnContext, _dialogState, cancellationToken);
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
        }

        private static ComponentDialog BuildRoot()
        {
            var root = new ComponentDialog("loop");
            root.AddDialog(new WaterfallDialog("loop.steps",
            [
                async (step, ct) =>
                {
                    if (step.Options is "again") await step.Context.SendActivityAsync("太小了，再来一次。", ct);
                    return await step.PromptAsync("loop.number", PromptOptions.Text("说一个大于10的数："), ct);
                },
                async (step, ct) =>
                {
                    var n = (int)step.Result!;
                    if (n <= 10) return await step.ReplaceDialogAsync("loop.steps", "again", ct);
                    await step.Context.SendActivityAsync($"好，{n}。", ct);
                    return await step.EndDialogAsync(n, ct);
                },
            ]));
            root.AddDialog(new NumberPrompt<int>("loop.number"));
            return root;
        }
    }

    /// <summary>Outer waterfall asks the township, then begins an inner component that asks the village.</summary>
    private sealed class NestedFeature : IRouteHandler
    {
        public NestedFeature()
        {
            var inner = new ComponentDialog("nested.village");
            inner.AddDialog(new WaterfallDialog("nested.village.steps",
            [
                (step, ct) => step.PromptAsync("nested.text", PromptOptions.Text("哪个村？", help: "请说村委会的名字，比如“大涧村”。"), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            inner.AddDialog(new TextPrompt("nested.text"));

            var outer = new ComponentDialog("nested");
            outer.AddDialog(new WaterfallDialog("nested.steps",
            [
                (step, ct) => step.PromptAsync("nested.text", PromptOptions.Text("您住哪个乡镇？"), ct),
                (step, ct) =>
                {
                    step.Values.Set("township", (string)step.Result!);
                    return step.BeginDialogAsync("nested.village", null, ct);
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"记下了：{step.Values.Get<string>("township")}{step.Result}。", ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            outer.AddDialog(new TextPrompt("nested.text"));
            outer.AddDialog(inner);
            Dialog = outer;
        }

        public string Id => "nested";
        public int? MenuNumber => null;
        public string MenuLabel => "嵌套";
        public IReadOnlyCollection<string> MenuKeys => [];
        public Dialog Dialog { get; }
        public double Match(RouteInput input) => 0;
    }
}
