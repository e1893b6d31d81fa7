using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AssistBot.Bot.BotFramework;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Tests.BotFramework;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Security;

/// <summary>Issue 17, finding 2: where replies of /api/messages may go, and that one slow serviceUrl stalls nobody else.</summary>
public sealed class ServiceUrlTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static ServiceUrlPolicy Policy(params string[] allowed) =>
        new(Options.Create(new BotFrameworkOptions { AllowedServiceUrls = [.. allowed] }));

    [Theory]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com/v3/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    public void The_Bot_Framework_channel_hosts_are_allowed_by_default(string serviceUrl) =>
        Assert.Equal(ServiceUrlReach.PublicOnly, Policy().Check(serviceUrl, BotFrameworkCaller.Channel).Reach);

    [Theory]
    [InlineData("http://127.0.0.1:9000/")]
    [InlineData("http://localhost:9000/")]
    [InlineData("http://[::1]:9000/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://evil.example/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evil-botframework.com/")]
    [InlineData("http://webchat.botframework.com/")]
    [InlineData("https://user@webchat.botframework.com/")]
    [InlineData("ftp://webchat.botframework.com/")]
    [InlineData("not a url")]
    public void Anything_else_is_refused_for_a_channel(string serviceUrl) =>
        Assert.Null(Policy().Check(serviceUrl, BotFrameworkCaller.Channel).Reach);

    [Fact]
    public void The_Emulator_on_loopback_may_be_answered_on_loopback_only()
    {
        Assert.Equal(ServiceUrlReach.PublicOrLoopback, Policy().Check("http://localhost:53000/", BotFrameworkCaller.LocalEmulator).Reach);
        Assert.Equal(ServiceUrlReach.PublicOrLoopback, Policy().Check("http://127.0.0.1:53000/", BotFrameworkCaller.LocalEmulator).Reach);
        Assert.Null(Policy().Check("http://10.0.0.5/", BotFrameworkCaller.LocalEmulator).Reach);
        Assert.Null(Policy().Check("http://169.254.169.254/", BotFrameworkCaller.LocalEmulator).Reach);
        Assert.Null(Policy().Check("http://127.0.0.1:53000/", BotFrameworkCaller.Anonymous).Reach);
    }

    [Fact]
    public void Configured_entries_replace_the_defaults_and_a_named_private_address_is_allowed_exactly()
    {
        var policy = Policy("https://*.example.org", "http://10.1.2.3:8080");
        Assert.Equal(ServiceUrlReach.PublicOnly, policy.Check("https://bot.example.org/", BotFrameworkCaller.Channel).Reach);
        Assert.Equal(ServiceUrlReach.Any, policy.Check("http://10.1.2.3:8080/", BotFrameworkCaller.Channel).Reach);
        Assert.Null(policy.Check("http://10.1.2.3:8081/", BotFrameworkCaller.Channel).Reach);
        Assert.Null(policy.Check("https://webchat.botframework.com/", BotFrameworkCaller.Channel).Reach);
        Assert.Null(Policy("http://*").Check("http://10.1.2.3/", BotFrameworkCaller.Channel).Reach); // a wildcard never names a private address
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    public void Non_public_addresses_are_recognised(string address, bool nonPublic) =>
        Assert.Equal(nonPublic, NetworkRanges.IsNonPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_not_followed_unless_allowed()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var port = new Uri(connector.BaseUrl).Port;
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var options = Options.Create(new BotFrameworkOptions());
        var client = new ConnectorClient(new HttpClient(ConnectorClient.CreateHandler()),
            new ConnectorCredentials(options, services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System,
                NullLogger<ConnectorCredentials>.Instance), NullLogger<ConnectorClient>.Instance);
        var reply = new Activity
        {
            Type = ActivityTypes.Message, Text = "你好", ServiceUrl = $"http://localhost:{port}/", Conversation = new ConversationAccount("c1"),
        };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(reply, ServiceUrlReach.PublicOnly));
        Assert.Empty(connector.ReceivedSoFar);
        await client.SendAsync(reply, ServiceUrlReach.PublicOrLoopback);
        Assert.Single(await connector.WaitForAsync(1));
    }

    [Theory]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("https://evil.example/")]
    public async Task A_refused_serviceUrl_is_403_before_the_turn_and_nothing_is_stored(string serviceUrl)
    {
        await using var host = new BotFrameworkHost(configure: b => b.ConfigureTestServices(RecordingStorage.Install));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages/xinfeng")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = "a1", channelId = "emulator", serviceUrl, from = new { id = "u1" },
                conversation = new { id = "junk-" + Guid.NewGuid().ToString("N") }, text = "你好",
            }),
        };
        request.Headers.Add(RecordingStorage.Header, "junk");
        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("AllowedServiceUrls", await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(host.Services.GetRequiredService<RecordingStorage>().WritesOf("junk"));
    }

    [Fact]
    public async Task A_serviceUrl_that_never_answers_does_not_delay_another_conversations_reply()
    {
        // Accepts connections and never answers, like the 40 requests of the finding.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        // Filled by the accept loop while the test reads it at the end: a concurrent collection (a List raced there and
        // handed the clean-up a null slot once in CI).
        var held = new System.Collections.Concurrent.ConcurrentQueue<TcpClient>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true) held.Enqueue(await silent.AcceptTcpClientAsync());
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
            }
        });
        var silentUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var host = new BotFrameworkHost();
        var client = host.CreateClient();

        object Message(string conversation, string serviceUrl) => new
        {
            type = "message", id = "m-" + conversation, channelId = "emulator", serviceUrl, from = new { id = "user-" + conversation },
            recipient = new { id = "bot" }, conversation = new { id = conversation }, text = "你好",
        };
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages/xinfeng", Message("slow-" + i, silentUrl))).StatusCode);

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages/xinfeng", Message("legit", connector.BaseUrl))).StatusCode);
        var received = await connector.WaitForAsync(1, TimeSpan.FromSeconds(30));
        clock.Stop();

        output.WriteLine($"legitimate reply after {clock.Elapsed.TotalMilliseconds:F0} ms with 40 turns held by a silent serviceUrl");
        Assert.Equal("legit", received[0].Activity.Conversation?.Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the legitimate reply took {clock.Elapsed.TotalSeconds:F1} s");
        silent.Stop();
        foreach (var c in held) c.Dispose();
    }
}
