using AssistBot.Bot.BotFramework;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge;
using AssistBot.Bot.Observability;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistBot.Bot.Tests.Hosting;

/// <summary>
/// Issue 15: the one composition root registers each part once, composes the bot in one place, writes no
/// configuration, and does not depend on the order its parts are called in.
/// </summary>
public sealed class CompositionRootTests
{
    private static IConfiguration Configuration(out IConfigurationRoot root)
    {
        var settings = AssistBotFactory.TwoCounties("xinfeng");
        settings["Storage:Redis"] = "";
        settings["DataProtection:Key"] = TestServiceHost.DataKey;
        root = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return root;
    }

    // The parts AddAssistBot calls, in its order.
    private static readonly Action<IServiceCollection, IConfiguration>[] Parts =
    [
        (s, c) => s.AddAssistBotCore(c),
        (s, c) => s.AddReverseProxySupport(c),
        (s, c) => s.AddAssistBotObservability(c),
        (s, c) => s.AddPolicyKnowledge(c),
        (s, _) => s.AddConversationEngine(),
        (s, c) => s.Configure<FeatureOptions>(c.GetSection(FeatureOptions.Section)),
        (s, c) => s.AddCases(c),
        (s, c) => s.AddWeChatChannels(c),
        (s, c) => s.AddBotFrameworkChannel(c),
        (s, c) => s.AddReminders(c),
        (s, c) => s.AddStaffConsole(c),
        (s, _) => s.AddChatBot(),
    ];

    private static string Describe(ServiceDescriptor d) =>
        $"{d.ServiceType.FullName} {d.Lifetime} {d.ServiceKey} " +
        (d.ImplementationType?.FullName ?? d.ImplementationInstance?.GetType().FullName ?? "factory");

    // The registrations of one collection the other lacks (counted: a registration made twice shows once here).
    private static List<string> Without(IServiceCollection these, IServiceCollection those)
    {
        var left = those.Select(Describe).ToList();
        var extra = new List<string>();
        foreach (var d in these.Select(Describe))
            if (!left.Remove(d)) extra.Add(d);
        return extra;
    }

    [Fact]
    public void The_bot_is_composed_once_and_no_service_or_background_worker_is_registered_twice()
    {
        var services = new ServiceCollection().AddAssistBot(Configuration(out _));

        Assert.Single(services, d => d.ServiceType == typeof(IBot));
        var doubled = services
            .Where(d => d.ImplementationType is not null)
            .GroupBy(Describe)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(doubled);
        var workers = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType is not null)
            .Select(d => d.ImplementationType!).ToList();
        Assert.Equal(workers.Distinct().Count(), workers.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Registering_the_service_writes_no_configuration(bool scheduleReminders)
    {
        var configuration = Configuration(out var root);
        var before = root.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

        new ServiceCollection().AddAssistBot(configuration, scheduleReminders);

        Assert.Equal(before, root.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_parts_register_the_same_services_in_any_order()
    {
        var configuration = Configuration(out _);
        var inOrder = new ServiceCollection();
        foreach (var part in Parts) part(inOrder, configuration);
        var reversed = new ServiceCollection();
        foreach (var part in Parts.Reverse()) part(reversed, configuration);

        // The parts are exactly what AddAssistBot calls.
        Assert.Equal(new ServiceCollection().AddAssistBot(configuration).Select(Describe), inOrder.Select(Describe));
        Assert.Empty(Without(inOrder, reversed));
        Assert.Empty(Without(reversed, inOrder));
    }
}
