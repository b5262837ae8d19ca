using System.Net;
using System.Text.RegularExpressions;
using Forum.Core.Accounts;
using Forum.Tests.Infrastructure;
using Forum.Tests.Topics;
using Npgsql;

namespace Forum.Tests.Uploads;

/// <summary>Avatars: uploaded in preferences, else a letter avatar; one partial in posts, topic lists, notifications and profiles.</summary>
public sealed class AvatarTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<(long CategoryId, string Suffix)> SetUpAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5];
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Avatars " + suffix), suffix);
    }

    private async Task<string> UploadAvatarAsync(WebSession session, byte[] image)
    {
        var preferences = await session.OpenAsync("/my/preferences");
        var answer = await session.SubmitWithFileAsync(preferences, "form.avatar-form", new Dictionary<string, string>(), "Avatar", "me.jpg", image);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"{(int)answer.Status}: {answer.TextOf(".avatar-form")}");
        var src = (await session.OpenAsync("/my/preferences")).Document.QuerySelector(".avatar-form img.avatar")?.GetAttribute("src");
        Assert.Matches("^/uploads/[0-9a-f]{64}\\.jpg$", src);
        return src!;
    }

    [Fact]
    public async Task An_uploaded_avatar_shows_on_the_members_posts_square_and_others_get_a_letter_avatar()
    {
        var (categoryId, suffix) = await SetUpAsync();
        var ines = await forum.UserAsync("ines" + suffix);
        var otto = await forum.UserAsync("otto" + suffix);
        var topic = await forum.TopicAsync(ines, categoryId, "Who runs the shared mail relay");
        await forum.ReplyAsync(otto, topic.Id, "Our cooperative can take it over next month.");
        using var session = forum.Session();
        await session.LogInAsync("ines" + suffix);

        var avatar = await UploadAvatarAsync(session, TestImages.JpegWithGps(600, 400));

        var page = await session.OpenAsync($"/t/{topic.Slug}/{topic.Id}");
        Assert.Equal(avatar, page.Document.QuerySelector("#post-1 img.avatar")?.GetAttribute("src"));
        Assert.Equal($"/letter_avatar/otto{suffix}/48.svg", page.Document.QuerySelector("#post-2 img.avatar")?.GetAttribute("src"));

        var stored = await session.Client.GetByteArrayAsync(avatar);
        var (width, height, _) = TestImages.Describe(stored);
        Assert.Equal((240, 240), (width, height));
        Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(stored));
        Assert.Equal(avatar, (await session.OpenAsync($"/u/ines{suffix}")).Document.QuerySelector(".profile-header img.avatar")?.GetAttribute("src"));

        var letter = await session.Client.GetAsync($"/letter_avatar/otto{suffix}/48.svg");
        Assert.Equal("image/svg+xml", letter.Content.Headers.ContentType?.MediaType);
        Assert.True(letter.Headers.CacheControl?.MaxAge == TimeSpan.FromDays(365));
        var svg = await letter.Content.ReadAsStringAsync();
        Assert.Contains(">O</text>", svg);
        Assert.Contains($"fill=\"{LetterAvatar.BackgroundOf("otto" + suffix)}\"", svg);
    }

    [Fact]
    public async Task A_non_image_avatar_is_refused_with_a_message_in_the_avatar_form()
    {
        var (_, suffix) = await SetUpAsync();
        await forum.UserAsync("vera" + suffix);
        using var session = forum.Session();
        await session.LogInAsync("vera" + suffix);
        var preferences = await session.OpenAsync("/my/preferences");
        var answer = await session.SubmitWithFileAsync(preferences, "form.avatar-form", new Dictionary<string, string>(), "Avatar", "me.png", "not a picture"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("not an image", answer.TextOf(".avatar-form .field-error"));
        Assert.StartsWith("/letter_avatar/", answer.Document.QuerySelector(".avatar-form img.avatar")?.GetAttribute("src"));
    }

    [Fact]
    public async Task Topic_lists_show_the_starter_then_the_latest_posters_up_to_five_in_the_same_number_of_queries()
    {
        var (categoryId, suffix) = await SetUpAsync();
        var names = Enumerable.Range(1, 7).Select(i => $"p{i}{suffix}").ToArray();
        var ids = new List<long>();
        foreach (var name in names) ids.Add(await forum.UserAsync(name));
        using var reader = forum.Session();
        await reader.LogInAsync(names[1]);
        await UploadAvatarAsync(reader, TestImages.Jpeg(300, 300));
        var database = new NpgsqlConnectionStringBuilder(forum.ConnectionString).Database!;
        var quiet = await forum.TopicAsync(ids[0], categoryId, "A topic nobody answered yet");
        var before = await TopicPageQueryCountTests.CountCommandsAsync(database, () => reader.OpenAsync("/latest"));

        var busy = await forum.TopicAsync(ids[0], categoryId, "A topic everyone answered");
        for (var i = 1; i < ids.Count; i++) await forum.ReplyAsync(ids[i], busy.Id, $"Reply number {i} from another cooperative.");
        WebSession.Page list = null!;
        var withPosters = await TopicPageQueryCountTests.CountCommandsAsync(database, async () => list = await reader.OpenAsync("/latest"));

        Assert.Equal(before.Commands, withPosters.Commands);
        var busyPosters = list.Document.QuerySelectorAll($"tr[data-topic-id='{busy.Id}'] td.posters img.avatar").Select(img => img.GetAttribute("alt")).ToList();
        Assert.Equal([names[0], names[6], names[5], names[4], names[3]], busyPosters);
        var quietPosters = list.Document.QuerySelectorAll($"tr[data-topic-id='{quiet.Id}'] td.posters img.avatar").Select(img => img.GetAttribute("alt")).ToList();
        Assert.Equal([names[0]], quietPosters);
    }

    [Fact]
    public async Task A_notification_shows_the_actors_avatar()
    {
        var (categoryId, suffix) = await SetUpAsync();
        var lea = await forum.UserAsync("lea" + suffix);
        var max = await forum.UserAsync("max" + suffix);
        var topic = await forum.TopicAsync(lea, categoryId, "Shared backups between coops");
        using var maxSession = forum.Session();
        await maxSession.LogInAsync("max" + suffix);
        var avatar = await UploadAvatarAsync(maxSession, TestImages.Jpeg(200, 260));
        await forum.ReplyAsync(max, topic.Id, $"@lea{suffix} we can host the second copy.");

        using var leaSession = forum.Session();
        await leaSession.LogInAsync("lea" + suffix);
        var notifications = await leaSession.OpenAsync("/notifications");
        Assert.Contains(avatar, notifications.Document.QuerySelectorAll("li.notification img.avatar").Select(img => img.GetAttribute("src")));
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("zoë")]
    [InlineData("lucia.trama")]
    [InlineData("bob")]
    [InlineData("x_99")]
    public void A_letter_avatar_is_the_first_letter_on_a_colour_from_the_name_with_white_text_at_4_5_to_1(string username)
    {
        var colour = LetterAvatar.BackgroundOf(username);
        Assert.Equal(colour, LetterAvatar.BackgroundOf(username.ToUpperInvariant()));
        var rgb = Convert.FromHexString(colour[1..]);
        Assert.True(LetterAvatar.ContrastWithWhite(rgb[0], rgb[1], rgb[2]) >= 4.5, colour);
        Assert.Equal(username[..1].ToUpperInvariant(), LetterAvatar.LetterOf(username));
    }

    [Fact]
    public void Letter_avatar_colours_differ_between_names_and_all_keep_the_contrast()
    {
        var colours = Enumerable.Range(0, 500).Select(i => LetterAvatar.BackgroundOf($"member{i}")).ToList();
        Assert.True(colours.Distinct().Count() > 50);
        Assert.All(colours, colour =>
        {
            var rgb = Convert.FromHexString(colour[1..]);
            Assert.True(LetterAvatar.ContrastWithWhite(rgb[0], rgb[1], rgb[2]) >= 4.5, colour);
        });
    }
}
