using System.ComponentModel.DataAnnotations;
using Forum.Core.Drafts;
using Forum.Core.Notifications;
using Forum.Core.Posts;
using Forum.Core.Topics;
using Forum.Web.Accounts;
using Forum.Web.Drafts;
using Forum.Web.Infrastructure;
using Forum.Web.Notifications;
using Forum.Web.Topics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Forum.Web.Pages.Topics;

/// <summary>/t/{slug}/{id}[/{postNumber}]: a page of posts, and the reply box at the bottom.</summary>
[EnableRateLimiting(RateLimits.Composer)]
public sealed class ShowModel(ITopicStore topics, IPostStore posts, ReplyService replies, MentionService mentions,
    IReadStateStore readState, RecentGuestViews guestViews, DraftService drafts, IOptions<Core.ForumOptions> options, TimeProvider clock) : ForumPageModel
{
    public TopicPage Topic { get; private set; } = null!;
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int? TargetPostNumber { get; private set; }
    public string? PreviewHtml { get; private set; }

    /// <summary>The member's reply draft for this topic; null for guests.</summary>
    public DraftControls? Draft { get; private set; }

    /// <summary>The page's posts with what the reader may do with each, asked of the Guardian once.</summary>
    public IReadOnlyList<PostDisplay> Posts { get; private set; } = [];

    /// <summary>Whether the reply box belongs on the page (silence and slow mode are told when sending).</summary>
    public bool CanReply { get; private set; }

    public bool CanModerate { get; private set; }

    /// <summary>The member's notification levels for this topic; none for guests.</summary>
    public TopicLevels Levels { get; private set; } = TopicLevels.None;

    [BindProperty] public ReplyInput Input { get; set; } = new();

    public sealed class ReplyInput
    {
        [Display(Name = "Reply")] public string Raw { get; set; } = "";
        public int? ReplyToPostNumber { get; set; }
    }

    private int PostsPerPage => options.Value.PostsPerPage;

    /// <summary>Why the jump form's date was refused; shown in the position indicator.</summary>
    public string? JumpError { get; private set; }

    /// <summary>What the reader typed in the jump form's date field, shown again when refused.</summary>
    public string? JumpDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? slug, int? postNumber, [FromQuery(Name = "page")] int? pageNumber, int? replyTo, int? quote,
        [FromQuery(Name = "post")] int? jumpToPost, [FromQuery(Name = "date")] string? jumpToDate, CancellationToken ct)
    {
        // The position indicator's form (works without script): a post number wins over a date.
        if (jumpToPost is > 0) return Redirect($"/t/{slug ?? "topic"}/{id}/{Math.Min(jumpToPost.Value, 10_000_000)}");
        if (!string.IsNullOrWhiteSpace(jumpToDate))
        {
            if (DateOnly.TryParseExact(jumpToDate.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var day))
                return await JumpToDateAsync(id, day, ct);
            JumpDate = jumpToDate;
            JumpError = L["“{0}” is not a date: use the date picker, or write it as 2026-11-01.", jumpToDate];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        PageNumber = postNumber is > 0 ? (Math.Min(postNumber.Value, 10_000_000) - 1) / PostsPerPage + 1 : Math.Clamp(pageNumber ?? 1, 1, 1_000_000);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (slug != Topic.Topic.Slug)
            return RedirectPermanent(CanonicalUrl(postNumber) + (pageNumber is > 1 && postNumber is null ? $"?page={pageNumber}" : ""));
        TargetPostNumber = postNumber;
        Input.ReplyToPostNumber = replyTo ?? quote;
        if (Viewer.IsSignedIn)
        {
            // The member's unfinished reply comes back, from whichever device they wrote it on.
            var draft = await drafts.FindAsync(Viewer, DraftKeys.ForTopic(id), ct);
            if (draft is { HasText: true, Text: { } text }) Input.Raw = text.Raw;
            Draft = DraftControls.For(draft, CanonicalUrl() + "#reply");
        }
        // The quote copies the post's text into the box, so it needs the same right as reading that text.
        if (quote is { } quoted && await posts.FindByNumberAsync(id, quoted, Viewer, ct) is { } source
            && Guardian.CanQuote(source.TopicFacts, source.Facts) is null)
            Input.Raw = Input.Raw.Length > 0 ? Input.Raw.TrimEnd() + "\n\n" + QuoteMarkdown(source) : QuoteMarkdown(source);
        // The handler's second and last statement: the view, the reader's progress to the last post shown, and
        // their levels for the controls. With the page's batch and the layout's notification menu, a topic page
        // costs three commands however many posts it shows (TopicPageQueryCountTests).
        var now = clock.GetUtcNow().UtcDateTime;
        var readUpTo = Topic.Posts.Count > 0 ? Topic.Posts[^1].PostNumber : 0;
        var (viewerKey, today) = (ViewerKey(), DateOnly.FromDateTime(now));
        // A guest has no reading progress to record: once counted today, their next loads need no write at all.
        if (Viewer.IsSignedIn || !guestViews.WasCounted(id, viewerKey, today))
        {
            Levels = await readState.RecordVisitAsync(new TopicVisit(id, viewerKey, today, Viewer.UserId, readUpTo, now), ct);
            if (!Viewer.IsSignedIn) guestViews.Remember(id, viewerKey, today);
        }
        return Page();
    }

    /// <summary>Lands on the first post written on or after the start of <paramref name="day"/> in the reader's zone.</summary>
    private async Task<IActionResult> JumpToDateAsync(long id, DateOnly day, CancellationToken ct)
    {
        var zone = User.TimeZoneInfo();
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day starts an hour later.
        if (zone.IsInvalidTime(midnight)) midnight = midnight.AddHours(1);
        var spot = await topics.FirstPostFromAsync(id, Viewer, TimeZoneInfo.ConvertTimeToUtc(midnight, zone), ct);
        return spot is null ? NotFound() : Redirect($"/t/{spot.Slug}/{id}/{spot.PostNumber}");
    }

    /// <summary>The post number the indicator starts at: the one asked for, else the page's first.</summary>
    public int PositionNow => TargetPostNumber ?? (Topic.Posts.Count > 0 ? Topic.Posts[0].PostNumber : 1);

    /// <summary>"Back to where you left off", for a member who had read part of the topic and is now elsewhere in it.</summary>
    public int? LastReadElsewhere =>
        Topic.LastReadPostNumber is > 0 and var read && Topic.Posts.Count > 0
        && (read < Topic.Posts[0].PostNumber || read > Topic.Posts[^1].PostNumber)
            ? read
            : null;

    public async Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct)
    {
        var outcome = await replies.ReplyAsync(new ReplyRequest(Viewer, id, Input.Raw, Input.ReplyToPostNumber), ct);
        if (outcome.Value is { } saved)
        {
            var slug = (await topics.FindAccessAsync(id, Viewer, ct))?.Slug ?? "topic";
            UnnotifiedMentions.Remember(TempData, saved.UnnotifiedMentions);
            return Redirect($"/t/{slug}/{id}/{saved.PostNumber}#post-{saved.PostNumber}");
        }
        // Closed, archived, silenced or slow mode answer their own status, with the reason above the box.
        await KeepDraftAsync(id, ct);
        return await RedisplayAsync(id, () => ShowRefusal(outcome.Errors), ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(long id, CancellationToken ct)
    {
        // Rendering costs CPU: guests, who cannot reply anyway, get the login page instead.
        if (!Viewer.IsSignedIn) return Challenge();
        var preview = await mentions.PreviewAsync(Input.Raw, ct);
        await KeepDraftAsync(id, ct);
        return await RedisplayAsync(id, () =>
        {
            if (preview.Value is { } cooked) PreviewHtml = cooked.Html;
            else ShowRefusal(preview.Errors);
        }, ct);
    }

    public async Task<IActionResult> OnPostUploadImageAsync(long id, CancellationToken ct)
    {
        if (!Viewer.IsSignedIn) return Challenge();
        var raw = await AppendUploadedImageAsync(Input.Raw, ct);
        return await RedisplayAsync(id, () => Input.Raw = raw, ct);
    }

    /// <summary>Shows the last page again with the reply box as the user left it.</summary>
    private async Task<IActionResult> RedisplayAsync(long id, Action annotate, CancellationToken ct)
    {
        PageNumber = int.MaxValue;
        if (!await LoadAsync(id, ct)) return NotFound();
        annotate();
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var first = PageNumber == int.MaxValue ? 1 : FirstPostNumberOf(PageNumber);
        var loaded = await topics.GetPageAsync(id, Viewer, first, PostsPerPage, ct);
        if (loaded is null) return false;
        PageCount = Math.Max(1, (loaded.Topic.HighestPostNumber + PostsPerPage - 1) / PostsPerPage);
        if (PageNumber > PageCount)
        {
            // Asked past the end (or for "the last page"): show the last one; a second read only on this path.
            PageNumber = PageCount;
            if (FirstPostNumberOf(PageCount) != first)
                loaded = await topics.GetPageAsync(id, Viewer, FirstPostNumberOf(PageCount), PostsPerPage, ct) ?? loaded;
        }
        Topic = loaded;
        var guardian = Guardian;
        Posts = PostDisplay.For(loaded, guardian);
        CanReply = guardian.CanReply(loaded.Facts) is null;
        CanModerate = guardian.CanModerate() is null;
        return true;
    }

    private async Task KeepDraftAsync(long id, CancellationToken ct)
    {
        if (!Viewer.IsSignedIn) return;
        var key = DraftKeys.ForTopic(id);
        await drafts.KeepUnpostedAsync(Viewer, key, new DraftText(Input.Raw), ct);
        Draft = DraftControls.For(await drafts.FindAsync(Viewer, key, ct), $"/t/{id}#reply");
    }

    private int FirstPostNumberOf(int page) => (page - 1) * PostsPerPage + 1;

    public string CanonicalUrl(int? postNumber = null) =>
        $"/t/{Topic.Topic.Slug}/{Topic.Topic.Id}" + (postNumber is > 0 ? $"/{postNumber}" : "");

    public string PageUrl(int page) => CanonicalUrl() + (page > 1 ? $"?page={page}" : "");

    private string QuoteMarkdown(PostForEdit source)
    {
        var lines = source.Raw.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line);
        return $"> [@{source.Username}]({CanonicalUrl(source.PostNumber)}):\n{string.Join('\n', lines)}\n\n";
    }

    // Signed-in members count once a day by id; guests by address, as Discourse does.
    private string ViewerKey() =>
        Viewer.UserId is { } userId ? $"u{userId}" : $"ip{HttpContext.Connection.RemoteIpAddress}";
}
