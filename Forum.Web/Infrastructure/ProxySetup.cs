using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Forum.Web.Infrastructure;

/// <summary>
/// Forum:Proxy — the TLS proxy in front of the forum, whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// Addresses are separated by commas, so one environment variable holds a list:
/// <c>Forum__Proxy__KnownProxies=10.0.0.5</c>, <c>Forum__Proxy__KnownNetworks=10.0.0.0/8,fd00::/8</c>.
/// With neither set, only a proxy on this machine (loopback) is believed.
/// </summary>
public sealed class ProxyOptions
{
    public string KnownProxies { get; set; } = "";

    public string KnownNetworks { get; set; } = "";
}

public static class ProxySetup
{
    private static readonly char[] Separators = [',', ' ', ';'];

    public static IServiceCollection AddForumProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration("Forum:Proxy")
            .Validate(p => Split(p.KnownProxies).All(a => IPAddress.TryParse(a, out _)), "Forum:Proxy:KnownProxies must be IP addresses separated by commas, e.g. 10.0.0.5,10.0.0.6.")
            .Validate(p => Split(p.KnownNetworks).All(n => System.Net.IPNetwork.TryParse(n, out _)), "Forum:Proxy:KnownNetworks must be networks separated by commas, e.g. 10.0.0.0/8,fd00::/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // Only scheme and client address: the Host header is the one the proxy passes on.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = Split(proxy.Value.KnownProxies).Select(IPAddress.Parse).ToList();
            var networks = Split(proxy.Value.KnownNetworks).Select(System.Net.IPNetwork.Parse).ToList();
            if (proxies.Count == 0 && networks.Count == 0) return;
            // Configured addresses replace the loopback default: exactly the listed proxies are believed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
        return services;
    }

    private static string[] Split(string list) => list.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
