using System.Net;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Decides whether replies may be posted to an activity's <c>serviceUrl</c> (<c>BotFramework:AllowedServiceUrls</c>,
/// the Bot Framework channel hosts by default). An allowed serviceUrl may still not reach a private address: the
/// connector's connections check every address the host resolves to (see <see cref="ConnectorClient"/>).
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly IReadOnlyList<Entry> _entries;

    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
    {
        var configured = options.Value.AllowedServiceUrls.Where(e => !string.IsNullOrWhiteSpace(e)).ToList();
        _entries = (configured.Count > 0 ? configured : BotFrameworkOptions.DefaultServiceUrls)
            .Select(Entry.Parse).ToList();
    }

    /// <summary>The reach allowed for replies to <paramref name="serviceUrl"/>, or why none is.</summary>
    public (ServiceUrlReach? Reach, string? Refusal) Check(string? serviceUrl, BotFrameworkCaller caller)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.UserInfo.Length > 0)
            return (null, "'serviceUrl' must be an http(s) URL.");
        var host = uri.IdnHost.TrimEnd('.');
        var literal = IPAddress.TryParse(uri.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host, out var ip) ? ip : null;
        var loopbackName = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
                           host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

        // The Emulator on this machine listens on loopback, whatever the list says.
        if (caller == BotFrameworkCaller.LocalEmulator &&
            (loopbackName || (literal is not null && NetworkRanges.IsLoopback(literal))))
            return (ServiceUrlReach.PublicOrLoopback, null);

        foreach (var entry in _entries)
        {
            if (!entry.Matches(uri, host)) continue;
            // An entry that names an address or localhost allows exactly that; a host name may not lead anywhere private.
            if (entry.NamesAddressOrLocalhost) return (ServiceUrlReach.Any, null);
            if (literal is not null && NetworkRanges.IsNonPublic(literal)) break;
            return (ServiceUrlReach.PublicOnly, null);
        }

        return (null, $"Replies are not sent to '{uri.GetLeftPart(UriPartial.Authority)}': it is not in BotFramework:AllowedServiceUrls" +
                      (caller == BotFrameworkCaller.LocalEmulator ? " and not on loopback." : "."));
    }

    private sealed record Entry(string Scheme, string HostPattern, int? Port, bool NamesAddressOrLocalhost)
    {
        public static Entry Parse(string text)
        {
            var value = text.Trim();
            var scheme = "https";
            var at = value.IndexOf("://", StringComparison.Ordinal);
            if (at >= 0)
            {
                scheme = value[..at].ToLowerInvariant();
                value = value[(at + 3)..];
            }
            value = value.Split('/', 2)[0];
            int? port = null;
            var colon = value.LastIndexOf(':');
            if (colon > 0 && value.IndexOf(']') < colon && int.TryParse(value[(colon + 1)..], out var p))
            {
                port = p;
                value = value[..colon];
            }
            else if (colon > 0 && value[(colon + 1)..] == "*")
            {
                value = value[..colon];
            }
            var host = value.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
            var names = IPAddress.TryParse(host, out _) || host == "localhost";
            return new Entry(scheme, host, port, names);
        }

        public bool Matches(Uri uri, string host)
        {
            if (!string.Equals(uri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)) return false;
            if (Port is { } port && uri.Port != port) return false;
            var h = host.Trim('[', ']');
            if (HostPattern == "*") return true;
            if (HostPattern.StartsWith("*.", StringComparison.Ordinal))
                return h.EndsWith(HostPattern[1..], StringComparison.OrdinalIgnoreCase) && h.Length > HostPattern.Length - 1;
            if (IPAddress.TryParse(HostPattern, out var a) && IPAddress.TryParse(h, out var b)) return a.Equals(b);
            return string.Equals(h, HostPattern, StringComparison.OrdinalIgnoreCase);
        }
    }
}
