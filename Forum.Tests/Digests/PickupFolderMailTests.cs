using System.Net;
using Forum.Core.Digests;
using Forum.Tests.Infrastructure;
using Forum.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Digests;

/// <summary>A forum without SMTP settings (the default) writes mail to its data folder; admins read it at /admin/mail.</summary>
public sealed class PickupFolderMailTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task Without_SMTP_settings_digests_land_in_the_pickup_folder_and_admins_read_them()
    {
        await forum.SetUpAsync("pickup-admin");
        var categoryId = await forum.CategoryAsync("Pickup news");
        var pete = await forum.UserAsync("pete-pickup");
        var author = await forum.UserAsync("rosa-writes");
        var topic = await forum.TopicAsync(author, categoryId, "A topic for the pickup folder");
        await forum.ReplyAsync(author, topic.Id, "A reply, so the digest has something to say.");

        var sent = await forum.InScopeAsync(sp => sp.GetRequiredService<SendDigest>().RunAsync(pete, DateOnly.FromDateTime(DateTime.UtcNow), default));
        Assert.Equal(DigestDelivery.Sent, sent);
        Assert.Single(Directory.GetFiles(Path.Combine(forum.DataDirectory, "mail"), "*.eml"));

        using var member = forum.Session();
        await member.LogInAsync("pete-pickup");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/mail")).Status);

        using var admin = forum.Session();
        await admin.LogInAsync("pickup-admin");
        var list = await admin.OpenAsync("/admin/mail");
        var entry = list.Document.QuerySelectorAll("tr.mail-entry").Single(r => r.TextContent.Contains("pete-pickup"));
        Assert.Contains("[Ronda] Summary, ", entry.TextContent);
        var shown = await admin.OpenAsync(entry.QuerySelector("a")!.GetAttribute("href")!);
        Assert.StartsWith("[Ronda] Summary, ", shown.TextOf("h1.mail-subject"));
        var frame = shown.Document.QuerySelector("iframe.mail-html")!;
        Assert.True(frame.HasAttribute("sandbox"));
        // The HTML part comes from its own address, under a policy that runs no script in it.
        var framed = await admin.Client.GetAsync(frame.GetAttribute("src"));
        Assert.Contains("A topic for the pickup folder", await framed.Content.ReadAsStringAsync());
        var framedPolicy = string.Join(" ", framed.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox;", framedPolicy);
        Assert.DoesNotContain("script", framedPolicy);
        Assert.Contains("default-src 'none'", framedPolicy);
        Assert.Contains("http://localhost:5000/t/", shown.TextOf("pre.mail-text"));
        Assert.Contains("List-Unsubscribe-Post", shown.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/mail/..%2Fkeys")).Status);
    }

    [Fact]
    public async Task A_member_sets_frequency_and_hour_in_preferences_and_visiting_the_site_counts_as_seen()
    {
        await forum.SetUpAsync("prefs-admin");
        var pia = await forum.UserAsync("pia-prefs");
        Assert.Contains(await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: true, pia, 10, default), d => d.UserId == pia);
        using var session = forum.Session();
        await session.LogInAsync("pia-prefs");

        var page = await session.OpenAsync("/my/preferences");
        Assert.Equal("weekly", page.Document.QuerySelector("#Digest_Frequency option[selected]")?.GetAttribute("value"));
        Assert.Equal("8", page.Document.QuerySelector("#Digest_Hour option[selected]")?.GetAttribute("value"));
        var refused = await session.SubmitAsync(page, "form.digest-form", new Dictionary<string, string> { ["Digest.Frequency"] = "daily", ["Digest.Hour"] = "25" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Choose an hour between 0 and 23.", refused.Errors);
        Assert.Equal("daily", refused.Document.QuerySelector("#Digest_Frequency option[selected]")?.GetAttribute("value"));

        var saved = await session.SubmitAndFollowAsync(page, "form.digest-form", new Dictionary<string, string> { ["Digest.Frequency"] = "daily", ["Digest.Hour"] = "6" });
        Assert.Equal("daily", saved.Document.QuerySelector("#Digest_Frequency option[selected]")?.GetAttribute("value"));
        Assert.Equal("6", saved.Document.QuerySelector("#Digest_Hour option[selected]")?.GetAttribute("value"));
        Assert.Equal(new DigestPreferences(DigestFrequency.Daily, 6), await forum.Get<IDigestStore>().PreferencesAsync(pia, default));

        // She was on the site just now, so no digest is due for her: she has seen it for herself.
        Assert.Empty(await forum.Get<IDigestStore>().DueAsync(DateTime.UtcNow, ignoreHour: true, pia, 10, default));
    }
}
