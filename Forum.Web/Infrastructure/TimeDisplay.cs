using System.Globalization;
using Forum.Web.Accounts;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Forum.Web.Infrastructure;

/// <summary>
/// Renders a moment as relative text ("3 h ago") inside a &lt;time&gt; element whose title is the absolute
/// time in the reader's zone. Guests see UTC; site.js rewrites the title to the browser's zone.
/// </summary>
public sealed class TimeDisplay(IHttpContextAccessor http, IStringLocalizer<SharedResource> L, TimeProvider clock)
{
    public IHtmlContent Render(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var zone = http.HttpContext?.User.TimeZoneInfo() ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        tag.Attributes["title"] = $"{local.ToString("f", CultureInfo.CurrentCulture)} ({zone.Id})";
        tag.InnerHtml.Append(Relative(utc, local));
        return tag;
    }

    public string Relative(DateTime utc, DateTime local)
    {
        var age = clock.GetUtcNow().UtcDateTime - utc;
        return age.TotalMinutes switch
        {
            < 1 => L["just now"],
            < 60 => L["{0} min ago", (int)age.TotalMinutes],
            < 60 * 24 => L["{0} h ago", (int)age.TotalHours],
            < 60 * 24 * 30 => L["{0} d ago", (int)age.TotalDays],
            _ => local.ToString("d MMM yyyy", CultureInfo.CurrentCulture),
        };
    }
}
