using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Forum.Tests.Hostile;

/// <summary>Asserts by parsing that HTML can run nothing: the way a browser would read it, not by string search.</summary>
internal static class InertHtml
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "lowsrc", "dynsrc", "srcset", "codebase", "cite", "ping"];

    private static readonly string[] ScriptSchemes = ["javascript:", "vbscript:", "livescript:", "mocha:", "data:text", "data:image/svg", "data:application"];

    private static readonly string[] ActiveElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "style", "xml", "bgsound"];

    /// <summary>The page's own icons (Forum.Web/Icons): outside any post, drawn with paths only.</summary>
    private static bool IsLayoutIcon(IElement element) =>
        element.LocalName == "svg" && element.ClassList.Contains("icon") && element.Closest(".cooked, .preview") is null
        && element.Children.All(child => child.LocalName is "path" or "title" && child.Children.Length == 0);

    public static void AssertInert(string html, string where) => AssertInert(Parser.ParseDocument(html), where);

    public static void AssertInert(IDocument document, string where)
    {
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            // The layout's own scripts are files under /js and /lib; nothing inline, nothing from elsewhere.
            if (name == "script")
                Assert.True(element.GetAttribute("src") is { } src && (src.StartsWith("/js/") || src.StartsWith("/lib/")) && element.TextContent.Trim().Length == 0,
                    $"{where}: a script element {element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)]}");
            Assert.False(ActiveElements.Contains(name) && !IsLayoutIcon(element), $"{where}: an active element <{name}>");
            if (name == "meta") Assert.Null(element.GetAttribute("http-equiv"));
            if (name == "link") Assert.StartsWith("/", element.GetAttribute("href") ?? "");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: an event attribute {attribute.Name}=\"{attribute.Value}\"");
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                {
                    var url = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(ScriptSchemes.Any(url.StartsWith), $"{where}: a script URL {attribute.Name}=\"{attribute.Value}\"");
                }
                if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    var style = attribute.Value.ToLowerInvariant();
                    Assert.False(style.Contains("expression") || style.Contains("javascript") || style.Contains("url(") || style.Contains("behavior") || style.Contains("binding"),
                        $"{where}: an active style=\"{attribute.Value}\"");
                }
            }
        }
    }
}
