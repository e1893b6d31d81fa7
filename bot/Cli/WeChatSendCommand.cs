using AssistBot.Bot.WeChat;
using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>wechat send</c>: plays the WeChat platform against a running AssistBot (signs, and in safe mode / WeCom
/// encrypts, a text message with the county's configured Token and keys) and prints the reply. For trying the
/// callback endpoints by hand.
/// </summary>
public sealed class WeChatSendCommand(Counties counties, TimeProvider time) : CliVerb
{
    private readonly Argument<string[]> _text = new("TEXT") { Description = "要发的话（几个词用空格连起来）", Arity = ArgumentArity.OneOrMore };

    private readonly Option<string> _county = new("--county") { Description = "县的编号（不写用 DefaultCounty）", HelpName = "ID" };

    private readonly Option<string> _url = new("--url") { Description = "运行中的服务地址", DefaultValueFactory = _ => "http://localhost:5080" };

    private readonly Option<string> _user = new("--user") { Description = "扮演的 openid（企业微信：UserId）", DefaultValueFactory = _ => "o-cli-tester", HelpName = "OPENID" };

    private readonly Option<bool> _safe = new("--safe") { Description = "公众号安全模式（加密）" };

    private readonly Option<bool> _weCom = new("--wecom") { Description = "扮演企业微信（加密）" };

    public override string Name => "wechat send";

    public override string Description => "像微信/企业微信平台那样把 TEXT 发给运行中的服务（签名、按需加密），打印回复";

    public override void Configure(Command command)
    {
        command.Arguments.Add(_text);
        foreach (var option in new Option[] { _county, _url, _user, _safe, _weCom }) command.Options.Add(option);
    }

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var countyId = parse.GetValue(_county) ?? counties.Default?.Id;
        if (!counties.TryGet(countyId, out var county))
        {
            Console.Error.WriteLine($"未知的县：{countyId}（可用：{string.Join(", ", counties.All.Select(c => c.Id))}）");
            return 2;
        }
        var url = (parse.GetValue(_url) ?? "http://localhost:5080").TrimEnd('/');
        var user = parse.GetValue(_user) ?? "o-cli-tester";
        var weCom = parse.GetValue(_weCom);
        var safe = weCom || parse.GetValue(_safe);
        var text = string.Join(' ', parse.GetValue(_text) ?? []);

        var token = weCom ? county.Options.WeCom.Token : county.Options.WeChat.Token;
        var aesKey = weCom ? county.Options.WeCom.EncodingAESKey : county.Options.WeChat.EncodingAESKey;
        var receiveId = weCom ? county.Options.WeCom.CorpId : county.Options.WeChat.AppId;
        if (string.IsNullOrEmpty(token) || (safe && (string.IsNullOrEmpty(aesKey) || string.IsNullOrEmpty(receiveId))))
        {
            var section = weCom ? "WeCom" : "WeChat";
            Console.Error.WriteLine($"Counties:{county.Id}:{section} 的 Token{(safe ? "、EncodingAESKey 和 " + (weCom ? "CorpId" : "AppId") : "")} 没有配置，" +
                $"例如：export Counties__{county.Id}__{section}__Token=...（服务端要用同样的配置）");
            return 2;
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var msgId = RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var to = weCom ? receiveId : "gh_cli";
        var xml = new XElement("xml",
            new XElement("ToUserName", new XCData(to)),
            new XElement("FromUserName", new XCData(user)),
            new XElement("CreateTime", timestamp),
            new XElement("MsgType", new XCData("text")),
            new XElement("Content", new XCData(text)),
            new XElement("MsgId", msgId),
            weCom ? new XElement("AgentID", county.Options.WeCom.AgentId) : null).ToString(SaveOptions.DisableFormatting);

        string path, body;
        using var crypt = safe ? new WXBizMsgCrypt(aesKey, receiveId) : null;
        if (crypt is null)
        {
            path = $"/wechat/{county.Id}?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={user}";
            body = xml;
        }
        else
        {
            var encrypt = crypt.Encrypt(xml);
            var msgSignature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);
            path = weCom
                ? $"/wecom/{county.Id}?msg_signature={msgSignature}&timestamp={timestamp}&nonce={nonce}"
                : $"/wechat/{county.Id}?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}" +
                  $"&openid={user}&encrypt_type=aes&msg_signature={msgSignature}";
            body = $"<xml><ToUserName><![CDATA[{to}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>" +
                   (weCom ? $"<AgentID><![CDATA[{county.Options.WeCom.AgentId}]]></AgentID>" : "") + "</xml>";
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(url + path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"连不上 {url}：{e.Message}（先用 dotnet run --project bot 启动服务）");
            return 1;
        }
        using (response)
        {
            var reply = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode || reply == "success" || reply.Length == 0)
            {
                Console.WriteLine(reply);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            var root = XDocument.Parse(reply).Root!;
            if (root.Element("Encrypt") is { } encrypted && crypt is not null)
            {
                var ok = WeChatSignature.Verify(root.Element("MsgSignature")?.Value, token, root.Element("TimeStamp")?.Value ?? "",
                    root.Element("Nonce")?.Value ?? "", encrypted.Value);
                Console.WriteLine(ok ? "(reply signature OK)" : "(reply signature WRONG)");
                if (!crypt.TryDecrypt(encrypted.Value, out var inner)) { Console.WriteLine("(cannot decrypt reply)"); return 1; }
                root = XDocument.Parse(inner).Root!;
            }
            Console.WriteLine(root.Element("Content")?.Value ?? reply);
            return 0;
        }
    }
}
