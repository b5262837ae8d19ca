using System.Text.RegularExpressions;
using Forum.Tests.Infrastructure;
using Forum.Tests.Uploads;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forum.Tests.Browser;

/// <summary>Images in the composer in a real browser: by the file picker, with JavaScript and without, and by paste.</summary>
public sealed class UploadBrowserTests(BrowserForumApp forum, BrowserFixture browser)
    : IClassFixture<BrowserForumApp>, IClassFixture<BrowserFixture>
{
    private static readonly Regex ImageMarkdown = new(@"!\[[a-z]+\]\(/uploads/[0-9a-f]{64}\.png\)");

    private async Task<(long CategoryId, long MemberId)> MemberAsync(string suffix)
    {
        await forum.SetUpAsync("admin" + suffix);
        return (await forum.CategoryAsync("Uploads " + suffix), await forum.UserAsync("nadia" + suffix));
    }

    private static ILocator Button(IPage page, string form, string name) =>
        page.Locator(form).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_image_chosen_with_the_file_picker_goes_into_the_text_the_preview_and_the_topic(bool javaScript)
    {
        var suffix = javaScript ? "pj" : "pn";
        var (categoryId, _) = await MemberAsync(suffix);
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "nadia" + suffix, "/new-topic", javaScript);
        await page.Locator("#Input_Title").FillAsync("The new solar panels on the roof");
        await page.Locator("#Input_CategoryId").SelectOptionAsync(categoryId.ToString());
        await page.Locator("#Input_Raw").FillAsync("They went up this morning.");

        await page.Locator("#composer-image").SetInputFilesAsync(new FilePayload { Name = "roof.png", MimeType = "image/png", Buffer = TestImages.Png(800, 600) });
        if (!javaScript) await Button(page, "form.composer", "Upload image").ClickAsync();

        await Expect(page.Locator("#Input_Raw")).ToHaveValueAsync(new Regex(@"^They went up this morning\.\n\n!\[roof\]\(/uploads/[0-9a-f]{64}\.png\)\n$"));
        await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("The new solar panels on the roof");
        await Button(page, "form.composer", "Preview").ClickAsync();
        await Expect(page.Locator(".preview img")).ToHaveAttributeAsync("src", new Regex(@"^/uploads/[0-9a-f]{64}\.png$"));
        await Button(page, "form.composer", "Create topic").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/t/[^/]+/\d+$"));
        var image = page.Locator("#post-1 .cooked img");
        await Expect(image).ToHaveAttributeAsync("src", new Regex(@"^/uploads/[0-9a-f]{64}\.png$"));
        // The browser loaded it: a broken image has no natural width.
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 800);
    }

    [Fact]
    public async Task A_pasted_image_is_uploaded_inserted_at_the_caret_and_shows_in_the_reply()
    {
        var (categoryId, memberId) = await MemberAsync("paste");
        var topic = await forum.TopicAsync(memberId, categoryId, "Screenshots of the new dashboard");
        var page = await browser.SignedInPageAsync(forum.BaseUrl, "nadiapaste", $"/t/{topic.Id}", javaScriptEnabled: true);
        var textarea = page.Locator("form#reply textarea[name='Input.Raw']");
        await textarea.FillAsync("Before the picture. After the picture.");
        await textarea.EvaluateAsync("area => area.setSelectionRange(19, 19)");

        await page.EvaluateAsync(@"base64 => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'dashboard.png', { type: 'image/png' }));
            const area = document.querySelector(""form#reply textarea[name='Input.Raw']"");
            area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
        }", Convert.ToBase64String(TestImages.Png(320, 200)));

        await Expect(textarea).ToHaveValueAsync(new Regex(@"^Before the picture\.\n!\[dashboard\]\(/uploads/[0-9a-f]{64}\.png\)\n After the picture\.$"));
        await Expect(page.Locator("form#reply .image-upload-status")).ToHaveTextAsync("Image added.");
        await Button(page, "form#reply", "Reply").ClickAsync();

        var image = page.Locator("#post-2 .cooked img");
        await Expect(image).ToHaveAttributeAsync("src", new Regex(@"^/uploads/[0-9a-f]{64}\.png$"));
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 320);
    }
}
