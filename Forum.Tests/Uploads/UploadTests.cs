using System.Net;
using System.Text.Json;
using Dapper;
using Forum.Tests.Infrastructure;
using Forum.Tests.Posts;
using Npgsql;
using SkiaSharp;

namespace Forum.Tests.Uploads;

/// <summary>Images into posts: from the composer's picker without JavaScript and through /uploads.json, stored once, served cached.</summary>
public sealed class UploadTests(ForumApp forum) : IClassFixture<ForumApp>, IAsyncLifetime
{
    private long categoryId;
    private readonly string member = "carla" + Guid.NewGuid().ToString("N")[..6];

    public async Task InitializeAsync()
    {
        await forum.SetUpAsync("admin" + Guid.NewGuid().ToString("N")[..8]);
        await forum.UserAsync(member);
        categoryId = await forum.CategoryAsync("Servers " + Guid.NewGuid().ToString("N")[..6]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string UploadsFolder => Path.Combine(forum.DataDirectory, "uploads");

    private async Task<WebSession> SignedInAsync()
    {
        var session = forum.Session();
        await session.LogInAsync(member);
        return session;
    }

    /// <summary>What the composer's script sends: the file and the page's antiforgery token, as multipart.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Json)> UploadJsonAsync(WebSession session, byte[] file, string fileName)
    {
        var page = await session.GetAsync("/new-topic");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName }, { new StringContent(token), "__RequestVerificationToken" } };
        var response = await session.Client.PostAsync("/uploads.json", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task A_jpeg_with_gps_exif_comes_back_without_any_exif_resized_to_the_maximum_width_with_a_thumbnail()
    {
        var original = TestImages.JpegWithGps(2400, 1200);
        Assert.Contains((byte)0xE1, TestImages.JpegMarkers(original));    // the test image does carry EXIF
        using var session = await SignedInAsync();

        var (status, json) = await UploadJsonAsync(session, original, "holiday.jpg");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1600, json.GetProperty("width").GetInt32());
        Assert.Equal(800, json.GetProperty("height").GetInt32());
        var url = json.GetProperty("url").GetString()!;
        Assert.Matches("^/uploads/[0-9a-f]{64}\\.jpg$", url);
        Assert.Equal($"![holiday]({url})", json.GetProperty("markdown").GetString());

        var served = await session.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(bytes));
        Assert.DoesNotContain("Exif", System.Text.Encoding.ASCII.GetString(bytes));
        Assert.Equal((1600, 800), (TestImages.Describe(bytes).Width, TestImages.Describe(bytes).Height));

        var thumbnail = await session.Client.GetByteArrayAsync(json.GetProperty("thumbnail_url").GetString());
        Assert.Equal(400, TestImages.Describe(thumbnail).Width);
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_turned_upright_as_its_exif_orientation_says()
    {
        using var session = await SignedInAsync();
        var (status, json) = await UploadJsonAsync(session, TestImages.JpegWithGps(300, 100, orientation: 6), "sideways.jpg");
        Assert.Equal(HttpStatusCode.OK, status);
        var bytes = await session.Client.GetByteArrayAsync(json.GetProperty("url").GetString());
        var (width, height, origin) = TestImages.Describe(bytes);
        Assert.Equal((100, 300, SKEncodedOrigin.TopLeft), (width, height, origin));
    }

    [Fact]
    public async Task A_file_named_png_that_is_not_an_image_is_refused_with_a_message_in_json_and_on_the_page()
    {
        var notAnImage = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        using var session = await SignedInAsync();

        var (status, json) = await UploadJsonAsync(session, notAnImage, "cat.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("not an image", json.GetProperty("errors")[0].GetString());

        var composer = await session.OpenAsync("/new-topic");
        var answer = await session.SubmitWithFileAsync(composer, "form.composer",
            new Dictionary<string, string> { ["Input.Title"] = "Which rack should we buy", ["Input.Raw"] = "My draft text stays here." },
            "Image", "cat.png", notAnImage, ".image-upload-button");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("not an image", answer.Errors);
        Assert.Equal("My draft text stays here.", answer.TextAreaValue("textarea[name='Input.Raw']"));
        Assert.Equal("Which rack should we buy", answer.Document.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_same_image_uploaded_twice_is_stored_once_under_one_address()
    {
        var image = TestImages.Png(120, 80, SKColors.MediumPurple);
        using var session = await SignedInAsync();

        var (_, first) = await UploadJsonAsync(session, image, "diagram.png");
        var (_, second) = await UploadJsonAsync(session, image, "diagram-again.png");

        var url = first.GetProperty("url").GetString()!;
        Assert.Equal(url, second.GetProperty("url").GetString());
        var name = Path.GetFileName(url);
        Assert.Single(Directory.GetFiles(UploadsFolder, name[..64] + "*"));
        await using var db = new NpgsqlConnection(forum.ConnectionString);
        Assert.Equal(1, await db.ExecuteScalarAsync<int>("SELECT count(*) FROM uploads WHERE sha256 = @Sha", new { Sha = name[..64] }));
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_gets_413_with_a_message()
    {
        var oversize = new byte[4 * 1024 * 1024 + 1];
        TestImages.Jpeg(10, 10).CopyTo(oversize, 0);
        using var session = await SignedInAsync();

        var (status, json) = await UploadJsonAsync(session, oversize, "huge.jpg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 4 MB", json.GetProperty("errors")[0].GetString());

        var composer = await session.OpenAsync("/new-topic");
        var answer = await session.SubmitWithFileAsync(composer, "form.composer",
            new Dictionary<string, string> { ["Input.Raw"] = "Text typed before the upload." }, "Image", "huge.jpg", oversize, ".image-upload-button");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("larger than 4 MB", answer.Errors);
        Assert.Equal("Text typed before the upload.", answer.TextAreaValue("textarea[name='Input.Raw']"));
    }

    [Fact]
    public async Task A_guest_cannot_upload()
    {
        using var guest = forum.Session();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(10, 10)), "file", "a.png" } };
        var response = await guest.Client.PostAsync("/uploads.json", content);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Log in to upload images", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_javascript_the_picker_appends_the_image_to_the_text_typed_and_the_topic_shows_it_with_long_cache_headers()
    {
        using var session = await SignedInAsync();
        var composer = await session.OpenAsync("/new-topic");
        var typed = new Dictionary<string, string>
        {
            ["Input.Title"] = "Photos of the new server room", ["Input.CategoryId"] = categoryId.ToString(), ["Input.Raw"] = "Here is the rack we installed today.",
        };

        var withImage = await session.SubmitWithFileAsync(composer, "form.composer", typed, "Image", "rack.jpg", TestImages.Jpeg(640, 480), ".image-upload-button");

        Assert.Equal(HttpStatusCode.OK, withImage.Status);
        var raw = withImage.TextAreaValue("textarea[name='Input.Raw']");
        Assert.Matches("^Here is the rack we installed today\\.\n\n!\\[rack\\]\\(/uploads/[0-9a-f]{64}\\.jpg\\)\n$", raw);
        Assert.Equal("Photos of the new server room", withImage.Document.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));

        var topic = await session.SubmitAndFollowAsync(withImage, "form.composer", new Dictionary<string, string>());
        var src = topic.Document.QuerySelector("#post-1 .cooked img")?.GetAttribute("src");
        Assert.Matches("^/uploads/[0-9a-f]{64}\\.jpg$", src);

        using var guest = forum.Session();
        var served = await guest.Client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var cache = served.Headers.CacheControl!;
        Assert.True(cache.Public && cache.MaxAge == TimeSpan.FromDays(365) && cache.Extensions.Any(e => e.Name == "immutable"), cache.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await guest.Client.GetAsync("/uploads/..%2Fkeys%2Fkey.xml")).StatusCode);
    }
}
