using System.Collections.Frozen;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Forum.Web.Icons;

/// <summary>
/// <c>@Icon.Svg("lock", L["Closed"])</c>: an inline SVG drawn with the text colour, so icons show on every device (an
/// emoji needs an emoji font, and without one the bell was an empty box) and follow the theme. An icon with a label
/// is an image with that accessible name and tooltip; one without is decoration beside its text.
/// </summary>
public static class Icon
{
    /// <summary>Path data on a 24×24 grid, stroked 2 px wide with round ends.</summary>
    private static readonly FrozenDictionary<string, string[]> Paths = new Dictionary<string, string[]>
    {
        ["bell"] = ["M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9", "M10.3 21a1.94 1.94 0 0 0 3.4 0"],
        ["heart"] = ["M12 20s-7.5-4.5-9.2-9C1.6 7.7 3.7 4.5 7 4.5c2.1 0 3.6 1.2 5 3 1.4-1.8 2.9-3 5-3 3.3 0 5.4 3.2 4.2 6.5-1.7 4.5-9.2 9-9.2 9z"],
        ["pin"] = ["M9 3h6", "M10 3v5l-4 5h12l-4-5V3", "M12 13v8"],
        ["lock"] = ["M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z", "M8 11V7a4 4 0 0 1 8 0v4"],
        ["archive"] = ["M4 4h16a1 1 0 0 1 1 1v3a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z", "M5 9v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V9", "M10 13h4"],
        ["eye-off"] = ["M3 3l18 18", "M10.6 6.1A9.7 9.7 0 0 1 12 6c5 0 9 4.5 10 6-.5.8-1.5 2.1-2.9 3.3", "M6.6 6.6C4.4 8 2.8 10.1 2 12c1 1.5 5 6 10 6 1.7 0 3.3-.5 4.6-1.3", "M9.9 9.9a3 3 0 0 0 4.2 4.2"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IHtmlContent Svg(string name, string? label = null)
    {
        if (!Paths.TryGetValue(name, out var paths)) throw new ArgumentException($"No icon named \"{name}\".", nameof(name));
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<svg class=\"icon icon-{name}\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" fill=\"none\" stroke=\"currentColor\" " +
                        "stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" focusable=\"false\"");
        if (string.IsNullOrEmpty(label))
        {
            html.AppendHtml(" aria-hidden=\"true\">");
        }
        else
        {
            var text = HtmlEncoder.Default.Encode(label);
            html.AppendHtml($" role=\"img\" aria-label=\"{text}\"><title>{text}</title>");
        }
        foreach (var d in paths) html.AppendHtml($"<path d=\"{d}\"/>");
        return html.AppendHtml("</svg>");
    }
}
