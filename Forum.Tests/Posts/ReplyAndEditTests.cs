using System.Net;
using Forum.Core.Topics;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Posts;

public sealed class ReplyAndEditTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private async Task<long> CategoryAsync(string name)
    {
        await forum.SetUpAsync($"admin{Guid.NewGuid():N}"[..16]);
        return await forum.CategoryAsync(name + " " + Guid.NewGuid().ToString("N")[..6]);
    }

    private static string TopicUrl(CreatedTopic topic) => $"/t/{topic.Slug}/{topic.Id}";

    [Fact]
    public async Task A_reply_to_a_specific_post_says_whom_it_answers_and_links_to_it()
    {
        var categoryId = await CategoryAsync("Replies");
        var ana = await forum.UserAsync("ana_r");
        await forum.UserAsync("bruno_r");
        var topic = await forum.TopicAsync(ana, categoryId, "Who has spare hosting capacity");

        using var bruno = forum.Session();
        await bruno.LogInAsync("bruno_r");
        var box = await bruno.OpenAsync(TopicUrl(topic) + "?replyTo=1");
        Assert.Contains("Replying to post #1", box.TextOf(".replying-to"));
        var replied = await bruno.SubmitAndFollowAsync(box, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "We have two idle servers in Porto you can use.",
        }, "button[formaction*=Reply]");

        var inReplyTo = replied.Document.QuerySelector("#post-2 .in-reply-to")!;
        Assert.Equal("in reply to ana_r", inReplyTo.TextContent.Trim());
        Assert.Equal(TopicUrl(topic) + "/1", inReplyTo.GetAttribute("href"));
        Assert.Null(replied.Document.QuerySelector("#post-1 .in-reply-to"));
    }

    [Fact]
    public async Task Quoting_prefills_a_markdown_blockquote_that_renders_as_one()
    {
        var categoryId = await CategoryAsync("Quotes");
        var ana = await forum.UserAsync("ana_q");
        await forum.UserAsync("bruno_q");
        var topic = await forum.TopicAsync(ana, categoryId, "A designer for two weeks", "Our coop needs a designer for two weeks.");

        using var bruno = forum.Session();
        await bruno.LogInAsync("bruno_q");
        var box = await bruno.OpenAsync(TopicUrl(topic) + "?quote=1");
        var quote = box.TextAreaValue("#Input_Raw");
        Assert.StartsWith($"> [@ana_q]({TopicUrl(topic)}/1):\n> Our coop needs a designer for two weeks.", quote);

        var replied = await bruno.SubmitAndFollowAsync(box, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = quote + "Our designer is free from Monday.",
        }, "button[formaction*=Reply]");
        var blockquote = replied.Document.QuerySelector("#post-2 .cooked blockquote")!;
        Assert.Contains("Our coop needs a designer for two weeks.", blockquote.TextContent);
        Assert.Equal("@ana_q", blockquote.QuerySelector($"a[href='{TopicUrl(topic)}/1']")!.TextContent);
        Assert.Contains("Our designer is free from Monday.", replied.TextOf("#post-2 .cooked"));
        Assert.Equal("in reply to ana_q", replied.TextOf("#post-2 .in-reply-to"));
    }

    [Fact]
    public async Task An_author_edits_their_post_and_the_history_lists_both_versions()
    {
        var categoryId = await CategoryAsync("Edits");
        var ana = await forum.UserAsync("ana_e");
        var topic = await forum.TopicAsync(ana, categoryId, "Rates for shared accounting", "Our rate is 40 euros an hour for now.");

        using var session = forum.Session();
        await session.LogInAsync("ana_e");
        var read = await session.OpenAsync(TopicUrl(topic));
        Assert.Null(read.Document.QuerySelector("#post-1 .post-edited"));
        var form = await session.OpenAsync(read.Document.QuerySelector("#post-1 a.edit-post")!.GetAttribute("href")!);
        Assert.Equal("Our rate is 40 euros an hour for now.", form.TextAreaValue("#Input_Raw"));

        var edited = await session.SubmitAndFollowAsync(form, "form.post-editor", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Our rate is **45 euros** an hour from March.",
        });
        Assert.Equal(TopicUrl(topic) + "/1", edited.Url);
        Assert.Contains("<strong>45 euros</strong>", edited.Document.QuerySelector("#post-1 .cooked")!.InnerHtml);
        Assert.DoesNotContain("40 euros", edited.TextOf("#post-1 .cooked"));

        var history = await session.OpenAsync(edited.Document.QuerySelector("#post-1 a.post-edited")!.GetAttribute("href")!);
        var revisions = history.Document.QuerySelectorAll("article.revision");
        Assert.Equal(["2", "1"], revisions.Select(r => r.GetAttribute("data-version")!));
        Assert.Contains("<strong>45 euros</strong>", revisions[0].QuerySelector(".cooked")!.InnerHtml);
        Assert.Contains("40 euros", revisions[1].QuerySelector(".cooked")!.TextContent);
        Assert.All(revisions, r => Assert.Equal("ana_e", r.QuerySelector(".post-author")!.TextContent));
        Assert.All(revisions, r => Assert.NotNull(r.QuerySelector("time[datetime]")));
    }

    [Fact]
    public async Task Someone_elses_post_cannot_be_edited_but_staff_may_edit_it()
    {
        var categoryId = await CategoryAsync("Permissions");
        var ana = await forum.UserAsync("ana_p");
        await forum.UserAsync("bruno_p");
        await forum.UserAsync("mod_p", Core.Accounts.UserRole.Moderator);
        var topic = await forum.TopicAsync(ana, categoryId, "Only I should change this", "The original words by the author.");

        using var bruno = forum.Session();
        await bruno.LogInAsync("bruno_p");
        var read = await bruno.OpenAsync(TopicUrl(topic));
        Assert.Null(read.Document.QuerySelector("#post-1 a.edit-post"));
        var postId = read.PostIdOf(1);

        var form = await bruno.GetAsync($"/p/{postId}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Contains("You can only edit your own posts.", form.TextOf(".refusal-message"));
        var attempt = await bruno.PostWithTokenAsync(read, $"/p/{postId}/edit", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Words put in the author's mouth by someone else.", ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.Forbidden, attempt.Status);
        var after = await bruno.OpenAsync(TopicUrl(topic));
        Assert.Equal("The original words by the author.", after.TextOf("#post-1 .cooked"));
        Assert.Null(after.Document.QuerySelector("#post-1 .post-edited"));

        using var moderator = forum.Session();
        await moderator.LogInAsync("mod_p");
        var staffForm = await moderator.OpenAsync($"/p/{postId}/edit");
        var moderated = await moderator.SubmitAndFollowAsync(staffForm, "form.post-editor", new Dictionary<string, string>
        {
            ["Input.Raw"] = "The original words by the author, minus a phone number.",
        });
        Assert.Contains("minus a phone number", moderated.TextOf("#post-1 .cooked"));
        var history = await moderator.OpenAsync($"/p/{postId}/revisions");
        Assert.Equal("mod_p", history.TextOf("#revision-2 .post-author"));
        Assert.Equal("ana_p", history.TextOf("#revision-1 .post-author"));
    }

    [Fact]
    public async Task Preview_shows_the_cooked_text_without_saving_it()
    {
        var categoryId = await CategoryAsync("Previews");
        var ana = await forum.UserAsync("ana_v");
        var topic = await forum.TopicAsync(ana, categoryId, "A post worth previewing", "Plain words before any preview.");

        using var session = forum.Session();
        await session.LogInAsync("ana_v");
        var postId = (await session.OpenAsync(TopicUrl(topic))).PostIdOf(1);
        var form = await session.OpenAsync($"/p/{postId}/edit");
        var preview = await session.SubmitAsync(form, "form.post-editor", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Now with **bold** words and a :smiley: face.",
        }, "button[formaction*=Preview]");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal("bold", preview.TextOf(".preview .cooked strong"));
        Assert.Equal("Now with **bold** words and a :smiley: face.", preview.TextAreaValue("#Input_Raw"));
        var topicPage = await session.OpenAsync(TopicUrl(topic));
        Assert.Equal("Plain words before any preview.", topicPage.TextOf("#post-1 .cooked"));
        Assert.Null(topicPage.Document.QuerySelector("#post-1 .post-edited"));
    }

    [Fact]
    public async Task Too_short_text_is_refused_with_the_input_kept()
    {
        var categoryId = await CategoryAsync("Short");
        var ana = await forum.UserAsync("ana_s");
        var topic = await forum.TopicAsync(ana, categoryId, "A post that stays as it was", "A first post long enough to stand.");

        using var session = forum.Session();
        await session.LogInAsync("ana_s");
        var postId = (await session.OpenAsync(TopicUrl(topic))).PostIdOf(1);
        var form = await session.OpenAsync($"/p/{postId}/edit");
        var refused = await session.SubmitAsync(form, "form.post-editor", new Dictionary<string, string> { ["Input.Raw"] = "Too short." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Post must be 20 to 32000 characters long.", refused.Errors);
        Assert.Equal("Too short.", refused.TextAreaValue("#Input_Raw"));
        Assert.Equal("A first post long enough to stand.", (await session.OpenAsync(TopicUrl(topic))).TextOf("#post-1 .cooked"));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_409_keeps_the_text_and_saves_on_the_second_try()
    {
        var categoryId = await CategoryAsync("Conflicts");
        var ana = await forum.UserAsync("ana_c");
        var topic = await forum.TopicAsync(ana, categoryId, "Two tabs editing one post", "The text both tabs opened with.");

        using var session = forum.Session();
        await session.LogInAsync("ana_c");
        var postId = (await session.OpenAsync(TopicUrl(topic))).PostIdOf(1);
        var firstTab = await session.OpenAsync($"/p/{postId}/edit");
        var secondTab = await session.OpenAsync($"/p/{postId}/edit");
        await session.SubmitAndFollowAsync(firstTab, "form.post-editor", new Dictionary<string, string> { ["Input.Raw"] = "The text the first tab saved." });

        var conflict = await session.SubmitAsync(secondTab, "form.post-editor", new Dictionary<string, string> { ["Input.Raw"] = "The text the second tab wants." });
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Someone else edited this post meanwhile", conflict.Errors);
        Assert.Equal("The text the second tab wants.", conflict.TextAreaValue("#Input_Raw"));
        Assert.Equal("The text the first tab saved.", conflict.TextOf(".edit-conflict .current-text"));

        var saved = await session.SubmitAndFollowAsync(conflict, "form.post-editor", new Dictionary<string, string>());
        Assert.Equal("The text the second tab wants.", saved.TextOf("#post-1 .cooked"));
        var history = await session.OpenAsync($"/p/{postId}/revisions");
        Assert.Equal(["3", "2", "1"], history.Document.QuerySelectorAll("article.revision").Select(r => r.GetAttribute("data-version")!));
    }

    [Fact]
    public async Task A_script_tag_in_a_reply_shows_as_text_and_never_runs()
    {
        var categoryId = await CategoryAsync("Safety");
        var ana = await forum.UserAsync("ana_x");
        await forum.UserAsync("bruno_x");
        var topic = await forum.TopicAsync(ana, categoryId, "Paste anything you like here");

        using var bruno = forum.Session();
        await bruno.LogInAsync("bruno_x");
        var read = await bruno.OpenAsync(TopicUrl(topic));
        var replied = await bruno.SubmitAndFollowAsync(read, "form#reply", new Dictionary<string, string>
        {
            ["Input.Raw"] = "Try this: <script>alert(1)</script> and <img src=x onerror=alert(2)>",
        }, "button[formaction*=Reply]");

        Assert.Empty(replied.Document.QuerySelectorAll(".posts script, .posts img[onerror]"));
        Assert.All(replied.Document.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
        Assert.DoesNotContain("<script>alert(1)", replied.Text);
        Assert.Contains("<script>alert(1)</script>", replied.TextOf("#post-2 .cooked"));
    }
}
