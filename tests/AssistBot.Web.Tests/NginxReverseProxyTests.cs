using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AssistBot.Bot.WeChat;

namespace AssistBot.Web.Tests;

/// <summary>
/// The repository's nginx site file (deploy/nginx/assistbot.conf), run by Debian's nginx on loopback with a
/// self-signed certificate in front of the real service: a signed WeChat callback and a Direct Line conversation go
/// through HTTPS, and the URLs the service builds carry the public scheme and host (forwarded headers honoured).
/// </summary>
public sealed class NginxReverseProxyTests
{
    private const string WeChatToken = "NginxTestToken";

    [Fact]
    public async Task Callbacks_and_direct_line_work_through_nginx_with_https()
    {
        await using var service = new LiveService(new Dictionary<string, string?>
        {
            ["Counties:xinfeng:WeChat:Token"] = WeChatToken,
        });
        await using var nginx = await NginxProxy.StartAsync(new Uri(service.BaseUrl).Port);
        using var client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
            AllowAutoRedirect = false,
        });

        // Plain HTTP is sent to HTTPS.
        var redirect = await client.GetAsync($"http://127.0.0.1:{nginx.HttpPort}/chat/xinfeng");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.StartsWith("https://", redirect.Headers.Location!.ToString());

        // A signed WeChat callback (plain mode) gets its passive reply through the proxy.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N")[..10];
        var signature = WeChatSignature.Compute(WeChatToken, timestamp, nonce);
        var xml = $"""
            <xml><ToUserName><![CDATA[gh_nginx]]></ToUserName><FromUserName><![CDATA[o_nginx_farmer]]></FromUserName><CreateTime>{timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[小额信贷能贷多少]]></Content><MsgId>{Random.Shared.NextInt64(1, long.MaxValue)}</MsgId></xml>
            """;
        var callback = await client.PostAsync(
            $"{nginx.HttpsBase}/wechat/xinfeng?signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(xml, Encoding.UTF8, "text/xml"));
        var reply = await callback.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("<ToUserName><![CDATA[o_nginx_farmer]]></ToUserName>", reply);
        Assert.Contains("小额信贷", reply);

        // Direct Line: the stream URL the service builds is the public wss:// address, and the WebSocket upgrade
        // passes through nginx.
        var start = await client.PostAsync($"{nginx.HttpsBase}/directline/xinfeng/v3/directline/conversations", null);
        Assert.True(start.IsSuccessStatusCode, $"{(int)start.StatusCode}: {await start.Content.ReadAsStringAsync()}");
        using var conversation = JsonDocument.Parse(await start.Content.ReadAsStringAsync());
        var streamUrl = conversation.RootElement.GetProperty("streamUrl").GetString()!;
        Assert.StartsWith($"wss://127.0.0.1:{nginx.HttpsPort}/directline/xinfeng/", streamUrl);

        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        var frame = Encoding.UTF8.GetString(buffer, 0, received.Count);
        Assert.Contains("\"activities\"", frame);
    }

    /// <summary>Debian's nginx with the repository's site file, rewritten only for loopback ports and a test certificate.</summary>
    private sealed class NginxProxy : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private NginxProxy(Process process, string directory, int httpPort, int httpsPort)
        {
            _process = process;
            _directory = directory;
            HttpPort = httpPort;
            HttpsPort = httpsPort;
        }

        public int HttpPort { get; }

        public int HttpsPort { get; }

        public string HttpsBase => $"https://127.0.0.1:{HttpsPort}";

        public static async Task<NginxProxy> StartAsync(int servicePort)
        {
            var directory = Path.Combine(Path.GetTempPath(), "assistbot-nginx-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            // nginx workers run unprivileged and need their temporary folders.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
            var cert = Path.Combine(directory, "cert.pem");
            var key = Path.Combine(directory, "key.pem");
            await RunAsync("openssl", $"req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout {key} -out {cert}");

            var (httpPort, httpsPort) = (FreePort(), FreePort());
            var site = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "assistbot.conf"));
            site = Replace(site, "server 127.0.0.1:5080;", $"server 127.0.0.1:{servicePort};");
            site = Replace(site, "listen 80;", $"listen 127.0.0.1:{httpPort};");
            site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
            site = Replace(site, "/etc/ssl/certs/assistbot.example.gov.cn.crt", cert);
            site = Replace(site, "/etc/ssl/private/assistbot.example.gov.cn.key", key);
            await File.WriteAllTextAsync(Path.Combine(directory, "site.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
                daemon off;
                worker_processes 1;
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log;
                events { worker_connections 128; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/body;
                    proxy_temp_path {{directory}}/proxy;
                    fastcgi_temp_path {{directory}}/fastcgi;
                    uwsgi_temp_path {{directory}}/uwsgi;
                    scgi_temp_path {{directory}}/scgi;
                    include {{directory}}/site.conf;
                }
                """);

            var process = Process.Start(new ProcessStartInfo(NginxBinary(), $"-p {directory} -c {directory}/nginx.conf")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var proxy = new NginxProxy(process, directory, httpPort, httpsPort);
            for (var i = 0; i < 100; i++)
            {
                if (process.HasExited)
                    throw new InvalidOperationException("nginx did not start: " + await process.StandardError.ReadToEndAsync() +
                                                        File.ReadAllText(Path.Combine(directory, "error.log")));
                if (PortOpen(httpsPort)) return proxy;
                await Task.Delay(100);
            }
            await proxy.DisposeAsync();
            throw new TimeoutException("nginx did not listen within 10 s");
        }

        private static string Replace(string text, string old, string replacement)
        {
            Assert.True(text.Contains(old, StringComparison.Ordinal), $"deploy/nginx/assistbot.conf no longer contains '{old}'");
            return text.Replace(old, replacement, StringComparison.Ordinal);
        }

        private static string NginxBinary() =>
            new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (./test.sh installs Debian's nginx)");

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static bool PortOpen(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private static async Task RunAsync(string file, string arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await error}");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            finally
            {
                _process.Dispose();
                try
                {
                    Directory.Delete(_directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
