using Forum.Core.Posts;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Posts;

/// <summary>
/// /p/{id}/revisions: every version of a post, newest first, with who saved it and when, and what it changed
/// in the Markdown from the version before.
/// </summary>
public sealed class RevisionsModel(IPostStore posts) : PostPageModel(posts)
{
    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // Every old version is a copy of the text: the history follows the text's rule (deleted, flag-hidden).
        if (Guardian.CanSeeHistory(Post.Facts) is { } refused) return refused.Kind == Core.RefusalKind.NotFound ? NotFound() : Refuse(refused);
        Revisions = await Posts.RevisionsAsync(id, ct);
        return Page();
    }

    /// <summary>The later text with its insertions in &lt;ins&gt; and deletions in &lt;del&gt;; every piece of text is encoded.</summary>
    public static IHtmlContent DiffHtml(string before, string after)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in RevisionDiff.Words(before, after))
        {
            var text = HtmlEncoder.Default.Encode(segment.Text);
            html.AppendHtml(segment.Kind switch
            {
                DiffKind.Inserted => $"<ins>{text}</ins>",
                DiffKind.Deleted => $"<del>{text}</del>",
                _ => text,
            });
        }
        return html;
    }
}
