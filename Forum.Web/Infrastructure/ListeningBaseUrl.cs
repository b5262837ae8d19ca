using Forum.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Forum.Web.Infrastructure;

/// <summary>
/// Without Forum:BaseUrl configured, links in mail point where the forum actually listens (`--urls`), not at a
/// fixed default that may go nowhere. Resolved once, when the server has bound its addresses.
/// </summary>
public sealed partial class ListeningBaseUrl(IServer server, IHostApplicationLifetime lifetime, IConfiguration config,
    IOptions<ForumOptions> options, ILogger<ListeningBaseUrl> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(config["Forum:BaseUrl"])) lifetime.ApplicationStarted.Register(Resolve);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private void Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return;
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
        if (FromListeningAddress(chosen) is not { } resolved) return;
        options.Value.BaseUrl = resolved.BaseUrl;
        if (resolved.IsWildcard) LogWildcard(chosen, resolved.BaseUrl);
        else LogResolved(resolved.BaseUrl);
    }

    /// <summary>"http://127.0.0.1:8080" stays as it is; any-address bindings (0.0.0.0, [::], *, +) become localhost.</summary>
    public static (string BaseUrl, bool IsWildcard)? FromListeningAddress(string address)
    {
        var wildcard = address.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri)) return null;
        var isWildcard = wildcard != address || uri.Host is "0.0.0.0" or "[::]" or "::";
        var host = isWildcard ? "localhost" : uri.Host;
        return (new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority), isWildcard);
    }

    [LoggerMessage(LogLevel.Information, "Forum:BaseUrl is not set; links in mail point to {BaseUrl}, where the forum listens")]
    private partial void LogResolved(string baseUrl);

    [LoggerMessage(LogLevel.Warning, "Forum:BaseUrl is not set and the forum listens on every address ({Address}); links in mail point to {BaseUrl}. " +
                                     "Set Forum__BaseUrl to the public address for production")]
    private partial void LogWildcard(string address, string baseUrl);
}
