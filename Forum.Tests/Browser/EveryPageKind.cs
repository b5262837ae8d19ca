using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;
using Forum.Web.Digests;
using Forum.Web.Jobs;
using Forum.Web.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Forum.Tests.Browser;

/// <summary>Who looks at a page: each gets one browser context, signed in once.</summary>
public enum Visitor { Guest, Member, Moderator, Admin }

/// <summary>One kind of page, as <paramref name="Visitor"/> sees it at <paramref name="Path"/>; error pages answer
/// <paramref name="Status"/> instead of 200. A page about the visitor's own post is listed once per
/// <paramref name="Language"/>, as each language has its own member; null means the page is the same in both.</summary>
public sealed record PageKind(string Name, Visitor Visitor, string Path, int Status = 200, string? Language = null)
{
    public bool IsFor(Visitor visitor, string language) => Visitor == visitor && (Language is null || Language == language);

    public override string ToString() => $"{Name} as {Visitor} ({Path})";
}

/// <summary>
/// A forum with one of everything — categories (one private), a topic with replies, mentions, long words and
/// code, a long topic, an edited and a flagged post, notifications, a moderator, a suspended member, the digest
/// in the mail log — and the address of every kind of page in it, for each kind of visitor. Browser tests that
/// must hold on every page (layout, accessibility) walk <see cref="Pages"/>; a new page kind is one line in
/// <see cref="PagesFor"/>, seeded above it if it needs data.
/// </summary>
public sealed class EveryPageKind
{
    private EveryPageKind(string suffix) => Suffix = suffix;

    private string Suffix { get; }

    public IReadOnlyList<PageKind> Pages { get; private set; } = [];

    /// <summary>The member who signs in as <paramref name="visitor"/>, with the UI in <paramref name="language"/>
    /// ("en" or "es"), which is the member's own preference once signed in.</summary>
    public string UsernameOf(Visitor visitor, string language) => visitor switch
    {
        Visitor.Member => $"mara{Suffix}{language}",
        Visitor.Moderator => $"moss{Suffix}{language}",
        Visitor.Admin => $"adam{Suffix}{language}",
        _ => throw new ArgumentOutOfRangeException(nameof(visitor), "A guest does not sign in."),
    };

    public static readonly string[] Languages = ["en", "es"];

    /// <summary>Seeds the forum; <paramref name="suffix"/> keeps names apart when one test class seeds twice.</summary>
    public static async Task<EveryPageKind> SeedAsync(ForumApp forum, string suffix)
    {
        var kinds = new EveryPageKind(suffix);
        var ids = new Dictionary<(Visitor, string), long>();
        foreach (var language in Languages)
        {
            var admin = kinds.UsernameOf(Visitor.Admin, language);
            ids[(Visitor.Admin, language)] = language == "en" ? await forum.SetUpAsync(admin) : await forum.UserAsync(admin, UserRole.Admin, language);
            ids[(Visitor.Moderator, language)] = await forum.UserAsync(kinds.UsernameOf(Visitor.Moderator, language), UserRole.Moderator, language);
            ids[(Visitor.Member, language)] = await forum.UserAsync(kinds.UsernameOf(Visitor.Member, language), UserRole.Member, language);
        }
        var memberId = ids[(Visitor.Member, "en")];
        var member = kinds.UsernameOf(Visitor.Member, "en");
        var moderator = new Viewer(ids[(Visitor.Moderator, "en")], UserRole.Moderator);
        // Others wrote the posts the Spanish member reads, so their summary has news in it.
        var digestReaderId = ids[(Visitor.Member, "es")];
        var writerName = $"wren{suffix}";
        var writerId = await forum.UserAsync(writerName);
        var suspendedName = $"sully{suffix}";
        var suspendedId = await forum.UserAsync(suspendedName);

        var categoryName = $"Shared tooling {suffix}";
        var categoryId = await forum.CategoryAsync(categoryName);
        var privateCategoryName = $"Staff room {suffix}";
        var privateCategoryId = await forum.CategoryAsync(privateCategoryName, restricted: true);
        var topic = await forum.TopicAsync(memberId, categoryId, "Which invoicing software do the member cooperatives use?",
            $"We compare what each coop uses, @{writerName}. Tell us what works for you.");
        await forum.ReplyAsync(writerId, topic.Id, $"""
            We use a small self-hosted tool, @{member}: see https://example.org/a/very/long/path/that/keeps/going/without/any/break/at/all/until/it/is/far/wider/than/a/phone/screen/invoice-templates-and-more
            Supercalifragilisticexpialidociousinvoicingautomationforcooperatives works for us.

            ```
            invoice --template=cooperative --currency=EUR --output=/srv/invoices/2026/december/member-cooperatives/all.pdf --verbose
            ```
            """);
        var ownReplies = new Dictionary<string, SavedReply>();
        foreach (var language in Languages)
            ownReplies[language] = await forum.ReplyAsync(ids[(Visitor.Member, language)], topic.Id, "Thanks, that tool looks like what we need for our members.");
        var flagged = await forum.ReplyAsync(writerId, topic.Id, "Buy cheap invoicing software at a site I will not name.");
        await forum.InScopeAsync(async sp => (await sp.GetRequiredService<TopicService>().CreateAsync(
            new NewTopicRequest(moderator, privateCategoryId, "Staff notes on the invoicing thread", "Only staff read this category."), default)).Value!);
        var longTopic = await forum.TopicAsync(writerId, categoryId, "A long topic: one reply per working day of the year");
        for (var day = 1; day <= 45; day++)
            await forum.ReplyAsync(day % 2 == 0 ? writerId : memberId, longTopic.Id, $"Notes for working day {day}, nothing more to add today.");

        await forum.InScopeAsync(async sp =>
        {
            foreach (var language in Languages)
            {
                var edit = await sp.GetRequiredService<PostEditService>().EditAsync(new Viewer(ids[(Visitor.Member, language)], UserRole.Member),
                    ownReplies[language].PostId, 1, "Thanks, that tool looks like exactly what we need for our members.", default);
                Assert.True(edit.Succeeded, string.Join("; ", edit.Errors.Select(e => e.Message)));
            }
            var flag = await sp.GetRequiredService<FlagService>().FlagAsync(new Viewer(memberId, UserRole.Member), flagged.PostId, FlagReason.Spam, "", default);
            Assert.True(flag.Succeeded, string.Join("; ", flag.Errors.Select(e => e.Message)));
            var suspension = await sp.GetRequiredService<PenaltyService>().SetAsync(moderator, suspendedId, PenaltyKind.Suspend,
                DateTime.UtcNow.AddDays(7), "Posted the same advert in every category.", default);
            Assert.True(suspension.Succeeded, string.Join("; ", suspension.Errors.Select(e => e.Message)));
            Assert.Equal(DigestDelivery.Sent, await sp.GetRequiredService<SendDigest>().RunAsync(digestReaderId, DateOnly.FromDateTime(DateTime.UtcNow), default));
            return 0;
        });
        var mail = (await forum.Get<PickupFolderMailer>().ListAsync(1, default)).Single();
        var unsubscribe = forum.Get<UnsubscribeTokens>().For(digestReaderId);

        var topicPath = $"/t/{topic.Slug}/{topic.Id}";
        var category = $"/c/{Slug.For(categoryName)}/{categoryId}";
        kinds.Pages = PagesFor(new Seeded(category, topicPath, $"/t/{longTopic.Slug}/{longTopic.Id}", topic.Id, ownReplies.ToDictionary(r => r.Key, r => r.Value.PostId),
            flagged.PostId, member, suspendedName, mail.Name, unsubscribe, privateCategoryId,
            $"/c/{Slug.For(privateCategoryName)}/{privateCategoryId}")).ToList();
        return kinds;
    }

    private sealed record Seeded(string Category, string Topic, string LongTopic, long TopicId, IReadOnlyDictionary<string, long> OwnPostIds, long FlaggedPostId,
        string Member, string Suspended, string MailName, string UnsubscribeToken, long PrivateCategoryId, string PrivateCategory);

    private static IEnumerable<PageKind> PagesFor(Seeded s)
    {
        // Everyone reads the same public pages.
        foreach (var visitor in Enum.GetValues<Visitor>())
        {
            yield return new("home", visitor, "/");
            yield return new("latest", visitor, "/latest");
            yield return new("top", visitor, "/top?period=all");
            yield return new("categories", visitor, "/categories");
            yield return new("category", visitor, s.Category);
            yield return new("topic", visitor, s.Topic);
            yield return new("long topic, last page", visitor, s.LongTopic + "?page=3");
            yield return new("profile", visitor, $"/u/{s.Member}");
            yield return new("suspended member's profile", visitor, $"/u/{s.Suspended}");
            yield return new("not found", visitor, "/no-such-page", 404);
            yield return new("topic not found", visitor, "/t/999999999", 404);
        }

        yield return new("login", Visitor.Guest, "/login");
        yield return new("signup", Visitor.Guest, "/signup");
        yield return new("password reset", Visitor.Guest, "/password-reset");
        yield return new("used password reset link", Visitor.Guest, "/password-reset/not-a-real-token", 410);
        yield return new("email confirmation", Visitor.Guest, "/confirm-email/not-a-real-token");
        yield return new("unsubscribe", Visitor.Guest, $"/email/unsubscribe/{s.UnsubscribeToken}");
        yield return new("unusable unsubscribe link", Visitor.Guest, "/email/unsubscribe/not-a-real-token", 400);
        yield return new("new topic, asks to log in", Visitor.Guest, "/new-topic");

        yield return new("new topic", Visitor.Member, "/new-topic");
        yield return new("new topics", Visitor.Member, "/new");
        yield return new("unread topics", Visitor.Member, "/unread");
        foreach (var (language, ownPostId) in s.OwnPostIds)
        {
            yield return new("edit post", Visitor.Member, $"/p/{ownPostId}/edit", Language: language);
            yield return new("revisions", Visitor.Member, $"/p/{ownPostId}/revisions", Language: language);
            yield return new("delete post", Visitor.Member, $"/p/{ownPostId}/delete", Language: language);
        }
        yield return new("flag form", Visitor.Member, $"/p/{s.FlaggedPostId}/flag");
        yield return new("preferences", Visitor.Member, "/my/preferences");
        yield return new("notifications", Visitor.Member, "/notifications");
        yield return new("forbidden review queue", Visitor.Member, "/review", 403);
        yield return new("private category", Visitor.Member, s.PrivateCategory, 404);

        yield return new("review queue", Visitor.Moderator, "/review");
        yield return new("topic moderation", Visitor.Moderator, $"/t/{s.TopicId}/moderate");
        yield return new("topic deletion", Visitor.Moderator, $"/t/{s.TopicId}/moderate?handler=Delete");
        yield return new("member moderation", Visitor.Moderator, $"/u/{s.Suspended}/moderate");
        yield return new("staff log", Visitor.Moderator, "/admin/logs");
        yield return new("private category", Visitor.Moderator, s.PrivateCategory);
        yield return new("notifications", Visitor.Moderator, "/notifications");
        yield return new("forbidden admin area", Visitor.Moderator, "/admin", 403);

        yield return new("admin dashboard", Visitor.Admin, "/admin");
        yield return new("admin users", Visitor.Admin, "/admin/users");
        yield return new("admin groups", Visitor.Admin, "/admin/groups");
        yield return new("admin categories", Visitor.Admin, "/admin/categories");
        yield return new("admin category", Visitor.Admin, $"/admin/categories/{s.PrivateCategoryId}");
        yield return new("mail log", Visitor.Admin, "/admin/mail");
        yield return new("mail message", Visitor.Admin, $"/admin/mail/{s.MailName}");
    }
}
