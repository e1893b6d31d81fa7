using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// Checks every county's settings when the service starts (<c>ValidateOnStart</c>), so a half-configured Official
/// Account, a malformed EncodingAESKey or a missing pack stops start-up with one line naming the setting instead of
/// failing at the first farmer's message. A county with no WeChat or WeCom settings at all is fine (channel off);
/// a Token alone is fine too (plain-mode callbacks answered passively, nothing sent proactively).
/// </summary>
public sealed class CountySettingsValidator(IOptions<KnowledgeOptions> knowledge) : IValidateOptions<CountiesOptions>
{
    public ValidateOptionsResult Validate(string? name, CountiesOptions options)
    {
        var problems = new List<string>();
        if (options.Count == 0) problems.Add("没有配置任何县（Counties 为空）");
        var packs = knowledge.Value.ResolvePacksDirectory();
        foreach (var (id, county) in options)
        {
            var prefix = $"Counties:{id}";
            if (string.IsNullOrWhiteSpace(county.Name)) problems.Add($"{prefix}:Name 没有填写（县名，如 信丰县）");
            if (string.IsNullOrWhiteSpace(county.Pack)) problems.Add($"{prefix}:Pack 没有填写（政策包，如 xinfeng-2024）");
            else if (Directory.Exists(packs) && !Directory.Exists(Path.Combine(packs, county.Pack)))
                problems.Add($"{prefix}:Pack = {county.Pack}，但 {packs} 里没有这个政策包");
            ValidateWeChat($"{prefix}:WeChat", county.WeChat, problems);
            ValidateWeCom($"{prefix}:WeCom", county.WeCom, problems);
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateWeChat(string prefix, WeChatAccountOptions weChat, List<string> problems)
    {
        if (Has(weChat.AppId) != Has(weChat.AppSecret))
            problems.Add(Has(weChat.AppId)
                ? $"{prefix}:AppSecret 没有填写（已填 AppId；发客服消息、订阅通知都要用）"
                : $"{prefix}:AppId 没有填写（已填 AppSecret）");
        if (Has(weChat.EncodingAESKey))
        {
            CheckAesKey($"{prefix}:EncodingAESKey", weChat.EncodingAESKey, problems);
            if (!Has(weChat.AppId)) problems.Add($"{prefix}:AppId 没有填写（兼容/安全模式解密要核对 AppId）");
        }
        if ((Has(weChat.AppId) || Has(weChat.EncodingAESKey)) && !Has(weChat.Token))
            problems.Add($"{prefix}:Token 没有填写（公众号后台“服务器配置”里的令牌）");
    }

    private static void ValidateWeCom(string prefix, WeComAppOptions weCom, List<string> problems)
    {
        var any = Has(weCom.CorpId) || Has(weCom.AgentId) || Has(weCom.Secret) || Has(weCom.Token) || Has(weCom.EncodingAESKey);
        if (!any) return;
        foreach (var (setting, value) in new[]
                 {
                     ("CorpId", weCom.CorpId), ("AgentId", weCom.AgentId), ("Secret", weCom.Secret),
                     ("Token", weCom.Token), ("EncodingAESKey", weCom.EncodingAESKey),
                 })
            if (!Has(value)) problems.Add($"{prefix}:{setting} 没有填写（企业微信自建应用要五项都填）");
        if (Has(weCom.EncodingAESKey)) CheckAesKey($"{prefix}:EncodingAESKey", weCom.EncodingAESKey, problems);
        if (Has(weCom.AgentId) && !int.TryParse(weCom.AgentId, out _)) problems.Add($"{prefix}:AgentId 应该是数字（应用详情页的 AgentId）");
    }

    /// <summary>An EncodingAESKey is 43 Base64 characters that decode, with a trailing '=', to a 32-byte AES key.</summary>
    private static void CheckAesKey(string setting, string key, List<string> problems)
    {
        Span<byte> bytes = stackalloc byte[33];
        if (key.Length != 43 || !Convert.TryFromBase64String(key + "=", bytes, out var written) || written != 32)
            problems.Add($"{setting} 格式不对：应为后台生成的 43 位字符（现在是 {key.Length} 位）");
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}
