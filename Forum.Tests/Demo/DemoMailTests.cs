using Forum.Core.Digests;
using Forum.Core.Mail;
using Forum.Tests.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Demo;

/// <summary>The demo's members are fictional: loading them, with real SMTP configured, must mail no one.</summary>
public sealed class DemoMailTests(MailForum forum) : IClassFixture<MailForum>
{
    [Fact]
    public async Task After_setup_with_the_demo_the_notification_and_digest_jobs_mail_nobody()
    {
        using var owner = forum.Session();
        var setup = await owner.OpenAsync("/");
        await owner.SubmitAndFollowAsync(setup, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Username"] = "demo-founder",
            ["Input.Email"] = "demo-founder@example.org",
            ["Input.Password"] = "a-long-enough-password",
            ["Input.LoadDemo"] = "true",
        });

        // Give the jobs every reason to write: addresses confirmed, members away, mentions and replies long settled.
        await forum.ExecuteAsync($"UPDATE users SET email_confirmed_at = now(), last_seen_at = NULL, email_when_away = true WHERE email LIKE '%@{NeverMailed.DemoDomain}'");
        await forum.ExecuteAsync("UPDATE notifications SET created_at = created_at - interval '1 hour'");
        Assert.True(await forum.QueryOneAsync<int>(
            $"SELECT count(*)::int FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email LIKE '%@{NeverMailed.DemoDomain}' AND n.kind <= 4") > 5);

        var batches = await forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueNotificationEmails>().RunAsync(default));
        foreach (var batchId in batches)
            await forum.InScopeAsync(sp => sp.GetRequiredService<SendNotificationEmail>().RunAsync(batchId, default));
        var due = await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: true, null, 1000, default);
        foreach (var digest in due)
            await forum.InScopeAsync(sp => sp.GetRequiredService<SendDigest>().RunAsync(digest.UserId, digest.Period, default));

        Assert.Empty(forum.Smtp.Messages());
    }
}
