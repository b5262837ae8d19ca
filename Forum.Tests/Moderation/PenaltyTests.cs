using System.Net;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Posts;
using static Forum.Tests.Moderation.ModerationKit;

namespace Forum.Tests.Moderation;

/// <summary>Silenced members read but cannot post; suspended members cannot log in; both are told why and until when.</summary>
public sealed class PenaltyTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_silenced_member_is_told_why_and_until_when_and_cannot_reply_or_start_topics()
    {
        await forum.SetUpAsync("admin_silence");
        var categoryId = await forum.CategoryAsync("Silence");
        var author = await forum.UserAsync("author_silence");
        await forum.UserAsync("loud_silence");
        await forum.UserAsync("mod_silence", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A thread someone keeps derailing");
        using var loud = await forum.SignedInAsync("loud_silence");
        using var moderator = await forum.SignedInAsync("mod_silence");

        var memberTry = await loud.PostWithTokenAsync(await loud.OpenAsync(UrlOf(topic)), "/u/author_silence/moderate?handler=Silence",
            new Dictionary<string, string> { ["Input.Until"] = "2099-01-01T00:00", ["Input.Reason"] = "Because I can" });
        Assert.Equal(HttpStatusCode.Forbidden, memberTry.Status);
        Assert.Empty(await moderator.LogAsync("user_silenced", "author_silence"));

        var form = await moderator.OpenAsync("/u/loud_silence/moderate");
        var noReason = await moderator.SubmitAsync(form, "#penalty", new Dictionary<string, string> { ["Input.Until"] = "2099-01-01T00:00" }, "button[formaction$=Silence]");
        Assert.Equal((HttpStatusCode)422, noReason.Status);
        Assert.Contains("Say why, so the member knows.", noReason.Errors);
        var silenced = await moderator.SubmitAndFollowAsync(form, "#penalty",
            new Dictionary<string, string> { ["Input.Until"] = "2099-01-01T00:00", ["Input.Reason"] = "Repeated personal attacks" }, "button[formaction$=Silence]");
        Assert.Contains("Silenced until 2099-01-01 00:00 UTC", silenced.TextOf(".penalty-current.silenced"));

        var page = await loud.OpenAsync(UrlOf(topic));
        var refused = await loud.SubmitAsync(page, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Still trying to have the last word." });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("You are silenced until 2099-01-01 00:00 UTC, so you cannot post. Reason: Repeated personal attacks", refused.Errors);
        var newTopic = await loud.OpenAsync("/new-topic");
        var topicRefused = await loud.SubmitAsync(newTopic, "form.composer", new Dictionary<string, string>
        {
            ["Input.Title"] = "Starting a new thread instead", ["Input.Raw"] = "Maybe a new thread will get past the silence.", ["Input.CategoryId"] = categoryId.ToString(),
        });
        Assert.Contains("You are silenced until", topicRefused.Errors);
        Assert.Single(await moderator.LogAsync("user_silenced", "loud_silence"));

        var lifted = await moderator.SubmitAndFollowAsync(silenced, "form[action*=Unsilence]", new Dictionary<string, string>());
        Assert.Null(lifted.Document.QuerySelector(".penalty-current"));
        var again = await loud.SubmitAndFollowAsync(await loud.OpenAsync(UrlOf(topic)), "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Sorry, back to the topic." });
        Assert.Equal("Sorry, back to the topic.", again.TextOf("#post-2 .cooked"));
    }

    [Fact]
    public async Task A_suspended_member_cannot_log_in_and_is_told_why_and_until_when()
    {
        await forum.SetUpAsync("admin_suspend");
        await forum.UserAsync("spammy_suspend");
        await forum.UserAsync("mod_suspend", UserRole.Moderator);
        using var moderator = await forum.SignedInAsync("mod_suspend");
        var form = await moderator.OpenAsync("/u/spammy_suspend/moderate");
        await moderator.SubmitAndFollowAsync(form, "#penalty",
            new Dictionary<string, string> { ["Input.Until"] = "2099-06-30T12:00", ["Input.Reason"] = "Advertising" }, "button[formaction$=Suspend]");

        using var spammy = forum.Session();
        var login = await spammy.OpenAsync("/login");
        var refused = await spammy.SubmitAsync(login, "form.account-form", new Dictionary<string, string>
        {
            ["Input.Login"] = "spammy_suspend", ["Input.Password"] = ForumApp.PasswordOf("spammy_suspend"),
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Your account is suspended until 2099-06-30 12:00 UTC. Reason: Advertising", refused.Errors);
        var entry = Assert.Single(await moderator.LogAsync("user_suspended", "spammy_suspend"));
        Assert.Contains("Advertising", entry);

        var staffTry = await moderator.SubmitAsync(await moderator.OpenAsync("/u/admin_suspend/moderate"), "#penalty",
            new Dictionary<string, string> { ["Input.Until"] = "2099-06-30T12:00", ["Input.Reason"] = "Trying" }, "button[formaction$=Suspend]");
        Assert.Equal(HttpStatusCode.Forbidden, staffTry.Status);
    }

    [Fact]
    public async Task Slow_mode_lets_each_member_post_once_per_interval_in_the_topic()
    {
        await forum.SetUpAsync("admin_slow");
        var categoryId = await forum.CategoryAsync("Slow");
        var author = await forum.UserAsync("author_slow");
        await forum.UserAsync("eager_slow");
        await forum.UserAsync("mod_slow", UserRole.Moderator);
        var topic = await forum.TopicAsync(author, categoryId, "A heated thread that needs calm");
        using var moderator = await forum.SignedInAsync("mod_slow");
        var page = await moderator.OpenAsync(UrlOf(topic));
        var slowed = await moderator.SubmitAndFollowAsync(page, "#slow-mode", new Dictionary<string, string> { ["Input.SlowModeMinutes"] = "30" });
        Assert.Contains("once every 30 minutes", slowed.TextOf(".topic-slow-mode-notice"));

        using var eager = await forum.SignedInAsync("eager_slow");
        var first = await eager.SubmitAndFollowAsync(await eager.OpenAsync(UrlOf(topic)), "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "My first point on this." });
        var second = await eager.SubmitAsync(first, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "And right away, a second one." });
        Assert.Equal(HttpStatusCode.Forbidden, second.Status);
        Assert.Contains("This topic is in slow mode: you can post here once every 30 minutes.", second.Errors);
        await moderator.SubmitAndFollowAsync(slowed, "form#reply", new Dictionary<string, string> { ["Input.Raw"] = "Staff are not slowed down." });
    }
}
