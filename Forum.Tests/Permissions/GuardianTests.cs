using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Forum.Core.Permissions;

namespace Forum.Tests.Permissions;

/// <summary>The Guardian's rules on their own: no database, no host.</summary>
public sealed class GuardianTests
{
    private const long AuthorId = 10, OtherId = 20;
    private static readonly Guardian Guest = new(Viewer.Guest);
    private static readonly Guardian Author = new(new Viewer(AuthorId, UserRole.Member));
    private static readonly Guardian Member = new(new Viewer(OtherId, UserRole.Member));
    private static readonly Guardian Moderator = new(new Viewer(30, UserRole.Moderator));
    private static readonly Guardian Admin = new(new Viewer(40, UserRole.Admin));

    private static readonly TopicFacts Open = new(IsDeleted: false, IsClosed: false, IsArchived: false);
    private static readonly TopicFacts Closed = Open with { IsClosed = true };
    private static readonly TopicFacts Archived = Open with { IsArchived = true };
    private static readonly TopicFacts Deleted = Open with { IsDeleted = true };
    private static readonly PostFacts Reply = new(AuthorId, PostNumber: 2, IsDeleted: false, IsHidden: false, IsLocked: false);
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ReplyGate NoGate = new(null, "", false, 0, null);

    [Fact]
    public void Staff_may_reply_to_a_closed_topic_and_members_may_not()
    {
        Assert.Null(Moderator.CanReply(Closed));
        Assert.Null(Admin.CanReply(Closed));
        Assert.Equal(RefusalKind.Forbidden, Member.CanReply(Closed)?.Kind);
        Assert.Equal("This topic is closed.", Member.CanReply(Closed)?.Message);
    }

    [Fact]
    public void Nobody_replies_to_an_archived_topic_and_guests_reply_nowhere()
    {
        Assert.Equal(RefusalKind.Forbidden, Moderator.CanReply(Archived)?.Kind);
        Assert.Equal(RefusalKind.Forbidden, Member.CanReply(Archived)?.Kind);
        Assert.Equal("Log in to reply.", Guest.CanReply(Open)?.Message);
        Assert.Null(Member.CanReply(Open));
    }

    [Fact]
    public void A_deleted_topic_is_not_found_except_for_staff()
    {
        Assert.Equal(RefusalKind.NotFound, Member.CanSee(Deleted)?.Kind);
        Assert.Equal(RefusalKind.NotFound, Guest.CanSee(Deleted)?.Kind);
        Assert.Null(Moderator.CanSee(Deleted));
        Assert.Equal(RefusalKind.NotFound, Member.CanReply(Deleted)?.Kind);
    }

    [Fact]
    public void A_silenced_member_cannot_reply_until_the_silence_ends()
    {
        var silenced = NoGate with { SilencedUntil = Now.AddHours(1), SilenceReason = "cool off" };
        var refusal = Member.CanReplyNow(Open, silenced, Now);
        Assert.Equal(RefusalKind.Forbidden, refusal?.Kind);
        Assert.Equal(["2026-03-01 13:00 UTC", "cool off"], refusal!.Args);
        Assert.Null(Member.CanReplyNow(Open, silenced, Now.AddHours(2)));
        Assert.Equal(RefusalKind.Forbidden, Member.CanStartTopic(new UserPenalty(Now.AddHours(1), "cool off", null, ""), Now)?.Kind);
        Assert.Null(Member.CanStartTopic(null, Now));
    }

    [Fact]
    public void Slow_mode_holds_back_members_who_posted_within_the_interval_but_not_staff()
    {
        var slowed = NoGate with { SlowModeMinutes = 30, LastPostAt = Now.AddMinutes(-10) };
        Assert.Contains("slow mode", Member.CanReplyNow(Open, slowed, Now)?.Message);
        Assert.Null(Member.CanReplyNow(Open, slowed with { LastPostAt = Now.AddMinutes(-31) }, Now));
        Assert.Null(Moderator.CanReplyNow(Open, slowed, Now));
    }

    public static TheoryData<string, bool, bool, bool> PostTextCases()
    {
        // viewer, deleted, hidden, expected to see the text
        var data = new TheoryData<string, bool, bool, bool>();
        foreach (var deleted in new[] { false, true })
        foreach (var hidden in new[] { false, true })
        {
            data.Add("guest", deleted, hidden, !deleted && !hidden);
            data.Add("member", deleted, hidden, !deleted && !hidden);
            data.Add("author", deleted, hidden, !deleted);
            data.Add("moderator", deleted, hidden, true);
            data.Add("admin", deleted, hidden, true);
        }
        return data;
    }

    [Theory, MemberData(nameof(PostTextCases))]
    public void A_posts_text_is_for_everyone_unless_deleted_or_flag_hidden(string viewer, bool deleted, bool hidden, bool sees)
    {
        var guardian = GuardianOf(viewer);
        var post = Reply with { IsDeleted = deleted, IsHidden = hidden };
        Assert.Equal(sees, guardian.CanSeePostText(post) is null);
        Assert.Equal(sees, guardian.CanSeeHistory(post) is null);
        // Quoting copies the text into the reply box: never more than reading it allows.
        if (guardian.CanQuote(Open, post) is null) Assert.True(sees);
    }

    [Fact]
    public void Quoting_needs_both_the_right_to_reply_and_to_read_the_text()
    {
        var hidden = Reply with { IsHidden = true };
        Assert.Equal(RefusalKind.Forbidden, Member.CanQuote(Open, hidden)?.Kind);
        Assert.Null(Author.CanQuote(Open, hidden));
        Assert.Null(Moderator.CanQuote(Closed, hidden));
        Assert.NotNull(Member.CanQuote(Closed, Reply));
        Assert.NotNull(Guest.CanQuote(Open, Reply));
    }

    [Fact]
    public void Authors_edit_their_posts_unless_locked_or_archived_and_staff_edit_any_but_archived()
    {
        Assert.Null(Author.CanEdit(Open, Reply));
        Assert.Equal("You can only edit your own posts.", Member.CanEdit(Open, Reply)?.Message);
        Assert.Equal(RefusalKind.Forbidden, Guest.CanEdit(Open, Reply)?.Kind);
        Assert.Equal(RefusalKind.Forbidden, Author.CanEdit(Open, Reply with { IsLocked = true })?.Kind);
        Assert.Null(Moderator.CanEdit(Open, Reply with { IsLocked = true }));
        Assert.Equal(RefusalKind.Forbidden, Moderator.CanEdit(Archived, Reply)?.Kind);
        Assert.Equal(RefusalKind.Conflict, Author.CanEdit(Open, Reply with { IsDeleted = true })?.Kind);
    }

    [Fact]
    public void Authors_delete_their_replies_but_only_staff_delete_a_first_post()
    {
        Assert.Null(Author.CanDelete(Open, Reply));
        Assert.Equal(RefusalKind.Forbidden, Member.CanDelete(Open, Reply)?.Kind);
        Assert.Equal("The first post of a topic cannot be deleted.", Author.CanDelete(Open, Reply with { PostNumber = 1 })?.Message);
        Assert.Null(Moderator.CanDelete(Open, Reply with { PostNumber = 1 }));
        Assert.Equal(RefusalKind.Conflict, Author.CanDelete(Open, Reply with { IsDeleted = true })?.Kind);
    }

    [Fact]
    public void Members_like_and_flag_others_posts_only()
    {
        Assert.Null(Member.CanLike(Reply));
        Assert.Null(Member.CanFlag(Reply));
        Assert.Equal("You cannot like your own post.", Author.CanLike(Reply)?.Message);
        Assert.Equal("You cannot flag your own post.", Author.CanFlag(Reply)?.Message);
        Assert.Equal(RefusalKind.Forbidden, Guest.CanLike(Reply)?.Kind);
        Assert.Equal(RefusalKind.Forbidden, Guest.CanFlag(Reply)?.Kind);
        Assert.Equal(RefusalKind.Conflict, Member.CanLike(Reply with { IsDeleted = true })?.Kind);
        Assert.Equal(RefusalKind.NotFound, Member.CanFlag(Reply with { IsDeleted = true })?.Kind);
        Assert.NotNull(Member.CanLike(Reply with { IsHidden = true }));
    }

    [Fact]
    public void Only_staff_moderate_and_read_restricted_categories_without_a_group()
    {
        Assert.Null(Moderator.CanModerate());
        Assert.Null(Admin.CanModerate());
        Assert.Equal(RefusalKind.Forbidden, Member.CanModerate()?.Kind);
        Assert.Equal(RefusalKind.Forbidden, Guest.CanModerate()?.Kind);
        Assert.Null(Member.CanSeeCategory(isRestricted: true, isViewerInAllowedGroup: true));
        Assert.Equal(RefusalKind.NotFound, Member.CanSeeCategory(isRestricted: true, isViewerInAllowedGroup: false)?.Kind);
        Assert.Null(Moderator.CanSeeCategory(isRestricted: true, isViewerInAllowedGroup: false));
        Assert.Null(Guest.CanSeeCategory(isRestricted: false, isViewerInAllowedGroup: false));
    }

    [Fact]
    public void A_field_error_is_bad_input_and_keeps_its_field()
    {
        var error = new FieldError("Raw", "Post must be {0} to {1} characters long.", 20, 32000);
        Assert.Equal(RefusalKind.Invalid, error.Kind);
        Assert.Equal("Raw", error.Field);
        Assert.Equal(new object[] { 20, 32000 }, error.Args);
        Assert.Equal(RefusalKind.Invalid, new FieldError("", "Incorrect username, email or password.").Kind);
    }

    internal static Guardian GuardianOf(string viewer) => viewer switch
    {
        "guest" => Guest,
        "author" => Author,
        "member" => Member,
        "moderator" => Moderator,
        _ => Admin,
    };
}
