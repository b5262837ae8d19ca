using Dapper;
using Forum.Core.Accounts;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace Forum.Tests.Infrastructure;

/// <summary>The forum sending its mail to a real SMTP server (in-process, over a loopback socket), with a public base URL.</summary>
public class MailForum : ForumApp, IAsyncLifetime
{
    public const string BaseUrl = "https://forum.example.org";

    private SmtpSink? smtp;

    /// <summary>Where the forum sends mail; the server may start later (<see cref="StartSmtpAsync"/>).</summary>
    public int SmtpPort { get; } = SmtpSink.FreePort();

    public SmtpSink Smtp => smtp ?? throw new InvalidOperationException("The SMTP server is not running.");

    /// <summary>False for tests that start with the mail server down.</summary>
    protected virtual bool StartsSmtpAtOnce => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "Ronda <forum@example.org>",
        ["Forum:BaseUrl"] = BaseUrl,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (StartsSmtpAtOnce) await StartSmtpAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (smtp is not null) await smtp.DisposeAsync();
    }

    public async Task StartSmtpAsync() => smtp = await SmtpSink.StartAsync(SmtpPort);

    /// <summary>The window key SendDigest gets from the scheduler for a member in UTC.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public Task<DigestDelivery> SendDigestAsync(long userId, DateOnly? period = null) =>
        InScopeAsync(sp => sp.GetRequiredService<SendDigest>().RunAsync(userId, period ?? Today, default));

    public async Task<string> EmailOfAsync(long userId) => (await Get<IUserStore>().FindByIdAsync(userId, default))!.Email;

    /// <summary>The one digest this member received; fails if there is none or more than one.</summary>
    public async Task<MimeMessage> OnlyDigestToAsync(long userId) => Assert.Single(Smtp.MessagesTo(await EmailOfAsync(userId)));

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var conn = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        await conn.ExecuteAsync(sql, args);
    }

    public async Task<T> QueryOneAsync<T>(string sql, object? args = null)
    {
        await using var conn = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await conn.QuerySingleAsync<T>(sql, args);
    }
}
