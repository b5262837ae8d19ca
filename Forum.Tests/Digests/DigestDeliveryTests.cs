using System.Net;
using Forum.Core.Digests;
using Forum.Tests.Infrastructure;
using Forum.Web.Cli;
using Forum.Web.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Digests;

/// <summary>Exactly one digest per member and window, who is due, and unsubscribing from the mail itself.</summary>
public sealed class DigestDeliveryTests(MailForum forum) : IClassFixture<MailForum>
{
    private async Task<long> MemberWithNewsAsync(string username)
    {
        await forum.SetUpAsync(username + "-admin");
        var categoryId = await forum.CategoryAsync("News for " + username);
        var member = await forum.UserAsync(username);
        var author = await forum.UserAsync(username + "-author");
        var topic = await forum.TopicAsync(author, categoryId, $"Something new for {username} to read");
        await forum.ReplyAsync(author, topic.Id, "And a reply, so the topic is active in the window.");
        return member;
    }

    [Fact]
    public async Task A_retried_job_sends_no_second_digest_in_the_window()
    {
        var rhea = await MemberWithNewsAsync("rhea-retry");

        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(rhea));
        Assert.Equal(DigestDelivery.AlreadyHandled, await forum.SendDigestAsync(rhea));
        // A scheduler on the other side of local midnight names the next day's window: still the same week.
        Assert.Equal(DigestDelivery.AlreadyHandled, await forum.SendDigestAsync(rhea, MailForum.Today.AddDays(1)));

        await forum.OnlyDigestToAsync(rhea);
        var delivery = await forum.QueryOneAsync<(string State, int Attempts)>(
            "SELECT state, attempts FROM digest_deliveries WHERE user_id = @rhea", new { rhea });
        Assert.Equal(("sent", 1), delivery);
        var due = await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: true, rhea, 10, default);
        Assert.Empty(due);
    }

    [Fact]
    public async Task The_one_click_POST_from_the_mail_unsubscribes_without_logging_in()
    {
        var uma = await MemberWithNewsAsync("uma-unsub");
        Assert.Equal(DigestDelivery.Sent, await forum.SendDigestAsync(uma));
        var header = (await forum.OnlyDigestToAsync(uma)).Headers["List-Unsubscribe"]!;
        var path = new Uri(header[1..header.IndexOf('>')]).PathAndQuery;
        using var mailClient = forum.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Following the link (as mail scanners do) changes nothing.
        var page = await WebSession.Page.ReadAsync(await mailClient.GetAsync(path));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form.unsubscribe-form"));
        Assert.Equal("weekly", await FrequencyOfAsync(uma));

        // RFC 8058: the mail client posts List-Unsubscribe=One-Click to the header's URL, with no cookie or token.
        var answer = await mailClient.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("never", await FrequencyOfAsync(uma));
        Assert.Contains("will no longer receive summary emails", await answer.Content.ReadAsStringAsync());
        Assert.Equal(DigestDelivery.Skipped, await forum.SendDigestAsync(uma, MailForum.Today.AddDays(7)));
        await forum.OnlyDigestToAsync(uma);

        // The page offers another frequency instead.
        using var browser = forum.Session();
        var unsubscribed = await browser.OpenAsync(path);
        var saved = await browser.SubmitAsync(unsubscribed, "form.digest-frequency-form", new Dictionary<string, string> { ["NewFrequency"] = "monthly" });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("monthly", await FrequencyOfAsync(uma));
        Assert.Contains("Your summary email settings are saved.", saved.TextOf(".digest-changed"));

        var forged = await WebSession.Page.ReadAsync(await mailClient.PostAsync(path[..^6] + "AAAAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])));
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Contains("expired or is not valid", forged.Text);
        Assert.Equal("monthly", await FrequencyOfAsync(uma));
    }

    private Task<string> FrequencyOfAsync(long userId) =>
        forum.QueryOneAsync<string>("SELECT digest_frequency FROM users WHERE id = @userId", new { userId });

    [Fact]
    public async Task The_scheduler_enqueues_members_whose_digest_is_due_and_no_one_else()
    {
        await forum.SetUpAsync("schedule-admin");
        var dina = await forum.UserAsync("dina-due");
        var dan = await forum.UserAsync("dan-daily");
        var nev = await forum.UserAsync("nev-never");
        var vic = await forum.UserAsync("vic-visited");
        var hal = await forum.UserAsync("hal-later");
        var sam = await forum.UserAsync("sam-sent");
        var una = await forum.UserAsync("una-unconfirmed");
        var mo = await forum.UserAsync("mo-monthly");
        var sus = await forum.UserAsync("sus-suspended");
        // An hour still to come today, wherever the clock is: near midnight UTC, a zone two hours behind.
        var laterZone = DateTime.UtcNow.Hour >= 22 ? "Etc/GMT+2" : "UTC";
        await forum.ExecuteAsync("""
            UPDATE users SET digest_hour = 0 WHERE id IN (@dina, @dan, @nev, @vic, @sam, @una, @mo, @sus);
            UPDATE users SET suspended_until = now() + interval '7 days', suspend_reason = 'spam' WHERE id = @sus;
            UPDATE users SET digest_frequency = 'daily' WHERE id = @dan;
            UPDATE users SET digest_frequency = 'never' WHERE id = @nev;
            UPDATE users SET last_seen_at = now() - interval '1 hour' WHERE id = @vic;
            UPDATE users SET digest_hour = 23, time_zone = @laterZone WHERE id = @hal;
            UPDATE users SET email_confirmed_at = NULL WHERE id = @una;
            UPDATE users SET digest_frequency = 'monthly' WHERE id = @mo;
            INSERT INTO digest_deliveries (user_id, period, state, claimed_at, finished_at) VALUES
                (@dan, current_date - 1, 'sent', now() - interval '1 day', now() - interval '1 day'),
                (@sam, current_date - 3, 'sent', now() - interval '3 days', now() - interval '3 days'),
                (@mo, current_date - 10, 'skipped', now() - interval '10 days', now() - interval '10 days');
            """, new { dina, dan, nev, vic, hal, sam, una, mo, sus, laterZone });
        long[] mine = [dina, dan, nev, vic, hal, sam, una, mo, sus];

        var due = await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: false, null, 100_000, default);
        Assert.Equal([dina, dan], due.Where(d => mine.Contains(d.UserId)).Select(d => d.UserId).Order());
        Assert.All(due, d => Assert.Equal(MailForum.Today, d.Period));
        var forced = await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: true, null, 100_000, default);
        Assert.Equal([dina, dan, hal], forced.Where(d => mine.Contains(d.UserId)).Select(d => d.UserId).Order());

        var enqueued = await forum.InScopeAsync(sp => sp.GetRequiredService<EnqueueDigests>().RunAsync(default));
        Assert.Equal(due.Count, enqueued);
        foreach (var userId in new[] { dina, dan })
            Assert.Equal(1, await forum.QueryOneAsync<int>("""
                SELECT count(*)::int FROM hangfire.job
                 WHERE invocationdata::text LIKE '%SendDigest%' AND arguments::text LIKE '%"' || @userId || '"%'
                """, new { userId = userId.ToString() }));
        // Hangfire stores the job's arguments as JSON; the window's date must come back as it went in.
        var job = InvocationData.SerializeJob(Job.FromExpression<SendDigest>(j => j.RunAsync(dina, new DateOnly(2025, 3, 9), default))).DeserializeJob();
        Assert.Equal(new DateOnly(2025, 3, 9), job.Args[1]);
    }

    [Fact]
    public async Task The_command_line_sends_now_to_one_member_and_only_once()
    {
        var cleo = await MemberWithNewsAsync("cleo-cli");
        await forum.ExecuteAsync("UPDATE users SET digest_hour = 23, time_zone = 'Etc/GMT-14' WHERE id = @cleo", new { cleo });

        Assert.Equal(0, await CliCommands.RunAsync(["digest", "send", "--force", "--user", "cleo-cli"], forum.Services));
        Assert.Equal(0, await CliCommands.RunAsync(["digest", "send", "--force", "--user", "cleo-cli"], forum.Services));
        Assert.Equal(1, await CliCommands.RunAsync(["digest", "send", "--user", "nobody-here"], forum.Services));

        await forum.OnlyDigestToAsync(cleo);
    }
}
