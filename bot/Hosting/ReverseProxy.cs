using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// Running behind nginx (or another reverse proxy) with HTTPS: honour X-Forwarded-For and X-Forwarded-Proto from
/// trusted proxies only, so the URLs the service builds (Direct Line stream URLs, the subscribe page's JS-SDK
/// signature, OAuth redirects) use the public scheme and host, and the caller's address is the real client's —
/// which matters for everything that trusts loopback callers.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Host comes from the proxy's Host header (nginx: proxy_set_header Host $http_host), not X-Forwarded-Host.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback only (a proxy on the same machine); add a proxy elsewhere explicitly.
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', which is not an IP address"));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', which is not a CIDR range such as 10.0.0.0/8"));
        });
        return services;
    }
}
