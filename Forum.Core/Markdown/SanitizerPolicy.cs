using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Forum.Core.Markdown;

/// <summary>
/// The one allow-list for cooked HTML. Markdig already escapes raw HTML (<c>DisableHtml()</c>); this is the second
/// line of defence, so anything a future extension emits that is not listed here is dropped.
/// </summary>
internal static class SanitizerPolicy
{
    private const string LinkRel = "nofollow ugc noopener";

    public static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
                "strong", "em", "del", "s", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "img",
                "table", "thead", "tbody", "tr", "th", "td",
                "input",                    // task-list checkboxes only, see PostProcess
                "span", "div", "aside",     // emoji; Discourse-style quote blocks
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "start", "class", "type", "checked", "disabled",
            },
            // Empty lets every class past the sanitizer; PostProcess then keeps only those allowed per element.
            AllowedClasses = new HashSet<string>(),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<CssRuleType>(),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            UriListAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        });
        sanitizer.PostProcessNode += (_, e) => PostProcess(e.Node);
        return sanitizer;
    }

    private static void PostProcess(INode node)
    {
        if (node is not IElement element) return;

        if (element.HasAttribute("class")) KeepAllowedClasses(element);

        switch (element.LocalName)
        {
            case "a":
                // Posts are user content: don't pass our ranking to it, and don't hand it window.opener.
                element.SetAttribute("rel", LinkRel);
                break;
            case "pre":
                // A long code line scrolls inside its block; keyboard users need to focus the block to scroll it.
                // No label: cooked HTML is the same for readers of every language, and the code is what is read out.
                element.SetAttribute("tabindex", "0");
                break;
            case "input":
                // The only input Markdown makes is a task-list box; whatever else arrives becomes an inert one.
                element.SetAttribute("type", "checkbox");
                element.SetAttribute("disabled", "disabled");
                break;
        }
    }

    private static void KeepAllowedClasses(IElement element)
    {
        var kept = element.ClassList.Where(name => IsAllowedClass(element.LocalName, name)).ToArray();
        if (kept.Length == 0) element.RemoveAttribute("class");
        else element.SetAttribute("class", string.Join(' ', kept));
    }

    // Classes are kept only where site CSS or scripts rely on them, so posts cannot borrow the site's styling.
    private static bool IsAllowedClass(string element, string name) => element switch
    {
        "code" => name.StartsWith("language-", StringComparison.Ordinal),
        "ul" or "ol" => name == "contains-task-list",
        "li" => name == "task-list-item",
        "span" => name is "emoji" or "mention-group",
        "a" => name == "mention",
        "aside" => name == "quote",
        "div" => name == "title",
        _ => false,
    };
}
