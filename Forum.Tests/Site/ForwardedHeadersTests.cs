using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;
using Forum.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Site;

/// <summary>The forum in production behind a TLS proxy at 127.0.0.2, on real Kestrel so that requests have a real source address.</summary>
public sealed class ProxiedForumApp : ForumApp
{
    public const string Proxy = "127.0.0.2";

    public ProxiedForumApp() => UseKestrel(0);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Forum:Proxy:KnownProxies"] = Proxy };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
}

/// <summary>
/// Behind a TLS proxy the forum believes X-Forwarded-Proto from that proxy only: then its cookies are Secure, HSTS is
/// sent and the live connection is expected over wss; the same headers from any other address change nothing.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedForumApp forum) : IClassFixture<ProxiedForumApp>
{
    private const string PublicHost = "forum.example.org";

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>, as a proxy on that address would.</summary>
    private HttpClient ClientFrom(string source) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = forum.BaseAddress };

    private static HttpRequestMessage AsForwardedHttps(HttpMethod method, string path, string? cookies = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        return request;
    }

    private static IReadOnlyList<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static string CookiePairs(IEnumerable<string> setCookies) => string.Join("; ", setCookies.Select(c => c.Split(';')[0]));

    /// <summary>Opens /login and signs in through its form; returns the sign-in answer and the login page's answer.</summary>
    private static async Task<(HttpResponseMessage Login, HttpResponseMessage SignedIn)> LogInAsync(HttpClient client, string username)
    {
        var login = await client.SendAsync(AsForwardedHttps(HttpMethod.Get, "/login"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var document = new HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync());
        var token = document.QuerySelector("form.account-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = AsForwardedHttps(HttpMethod.Post, "/login", CookiePairs(SetCookies(login)));
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Login"] = username, ["Input.Password"] = ForumApp.PasswordOf(username),
        });
        var signedIn = await client.SendAsync(post);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Login answered {(int)signedIn.StatusCode}");
        return (login, signedIn);
    }

    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_makes_cookies_secure_and_sends_hsts()
    {
        await forum.SetUpAsync("admin-proxy");
        await forum.UserAsync("pilar-proxy");
        using var proxy = ClientFrom(ProxiedForumApp.Proxy);

        var (login, signedIn) = await LogInAsync(proxy, "pilar-proxy");

        Assert.Contains(SetCookies(login), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SetCookies(signedIn), c => c.StartsWith("ronda=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", string.Join("", login.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains($"wss://{PublicHost}", string.Join("", login.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_same_headers_from_an_address_that_is_not_the_proxy_change_nothing()
    {
        await forum.SetUpAsync("admin-direct");
        await forum.UserAsync("dario-direct");
        using var direct = ClientFrom("127.0.0.1");

        var (login, signedIn) = await LogInAsync(direct, "dario-direct");

        Assert.Contains(SetCookies(login), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain(SetCookies(login).Concat(SetCookies(signedIn)), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(SetCookies(signedIn), c => c.StartsWith("ronda=", StringComparison.Ordinal));
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains($"ws://{PublicHost}", string.Join("", login.Headers.GetValues("Content-Security-Policy")));
    }
}
