using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Infrastructure;

/// <summary>
/// The real forum on real Kestrel at a free loopback port, so that a real browser can reach it: SignalR's
/// WebSockets, static files and cookies behave exactly as in production.
/// </summary>
public class BrowserForumApp : ForumApp
{
    public BrowserForumApp() => UseKestrel(0);

    /// <summary>Where the forum listens, e.g. "http://127.0.0.1:41234", without a trailing slash.</summary>
    public string BaseUrl =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
}
