using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Forum.Core;
using Forum.Core.Digests;
using Forum.Core.Mail;
using Forum.Web.Infrastructure;
using Forum.Web.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Forum.Web.Digests;

/// <summary>
/// Writes a digest as mail in the member's language and time zone: HTML with inline CSS (tables, as mail
/// clients need) and the same content as plain text, with absolute links and RFC 8058 one-click unsubscribe.
/// </summary>
public sealed partial class DigestMail(IStringLocalizer<SharedResource> L, IOptions<ForumOptions> forum, UnsubscribeTokens tokens, MimeBuilder mime)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex("^(?:[0-9A-Fa-f]{3}){1,2}$")]
    private static partial Regex HexColor();

    public static string MessageIdFor(long userId, DateOnly period, string domain) =>
        $"digest.{userId}.{period.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}@{domain}";

    public OutgoingMail Compose(Digest digest)
    {
        var member = digest.Member ?? throw new ArgumentException("A digest to send names its member.", nameof(digest));
        var content = digest.Content ?? throw new ArgumentException("A digest to send has content.", nameof(digest));
        return MemberCulture.Apply(member.Locale, () => Write(digest, member, content));
    }

    private OutgoingMail Write(Digest digest, DigestMember member, DigestContent content)
    {
        var site = forum.Value.Title;
        var baseUrl = forum.Value.BaseUrl.TrimEnd('/');
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(member.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        string Local(DateTime utc, string format) =>
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString(format, CultureInfo.CurrentCulture);
        string TopicUrl(DigestTopic t) => $"{baseUrl}/t/{Uri.EscapeDataString(t.Slug)}/{t.Id}/{t.FirstUnreadPostNumber}";
        string Replies(int count) => L.Plural(count, "{0} reply", "{0} replies");

        var token = tokens.For(member.Id);
        var unsubscribeUrl = $"{baseUrl}/email/unsubscribe/{token}";
        var settingsUrl = $"{baseUrl}/my/preferences#digest";
        var subject = L["[{0}] Summary, {1} to {2}", site, Local(member.Since, "d MMM"), Local(digest.Until, "d MMM yyyy")];
        var greeting = L["Hi {0},", member.Name.Length > 0 ? member.Name : member.Username];
        var intro = L["Here is what happened on {0} since {1}.", site, Local(member.Since, "f")];
        (string Label, int Value)[] counts =
        [
            (L["New topics"], content.Counts.NewTopics), (L["New posts"], content.Counts.NewPosts), (L["New members"], content.Counts.NewMembers),
        ];
        string visit = L["Visit {0}", site], why = L["You receive this summary because you are a member of {0}.", site];
        string unsubscribe = L["Unsubscribe"], settings = L["Digest settings"], pinned = L["Pinned"];

        var html = new StringBuilder(16 * 1024);
        var text = new StringBuilder(4 * 1024);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:0;background-color:#f3f4f6;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
            <tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:6px;font-family:Helvetica,Arial,sans-serif;color:#1f2937;">
            <tr><td style="padding:24px 28px 4px 28px;">
            <a href="{E(baseUrl)}/" style="font-size:22px;font-weight:bold;color:#0f5c8c;text-decoration:none;">{E(site)}</a>
            </td></tr>
            <tr><td style="padding:12px 28px 0 28px;font-size:15px;line-height:1.5;">
            <p style="margin:0 0 6px 0;">{E(greeting)}</p>
            <p style="margin:0;">{E(intro)}</p>
            </td></tr>
            <tr><td style="padding:16px 22px 4px 22px;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="6" border="0"><tr>
            """);
        text.AppendLine(greeting).AppendLine().AppendLine(intro).AppendLine();
        foreach (var (label, value) in counts)
        {
            html.Append($"""
                <td class="digest-count" align="center" width="33%" style="padding:10px 4px;background-color:#f3f4f6;border-radius:4px;">
                <div style="font-size:22px;font-weight:bold;color:#0f5c8c;">{value.ToString("N0", CultureInfo.CurrentCulture)}</div>
                <div style="font-size:12px;color:#4b5563;">{E(label)}</div></td>
                """);
        }
        html.Append("</tr></table></td></tr>");
        text.AppendLine(string.Join(" · ", counts.Select(c => $"{c.Label}: {c.Value.ToString("N0", CultureInfo.CurrentCulture)}"))).AppendLine();

        if (content.Popular.Count > 0)
        {
            string heading = L["Popular topics"];
            html.Append(Heading(heading));
            text.AppendLine(heading.ToUpper(CultureInfo.CurrentCulture)).AppendLine();
            foreach (var topic in content.Popular)
            {
                var excerpt = Excerpt.FromMarkdown(topic.FirstPostRaw);
                var details = $"{Replies(topic.ReplyCount)} · {L["Last activity: {0}", Local(topic.LastPostedAt, "d MMM, HH:mm")]}";
                html.Append($"""
                    <tr><td class="digest-topic" style="padding:14px 28px 0 28px;">
                    <p style="margin:0 0 2px 0;font-size:12px;color:#4b5563;">{Swatch(topic.CategoryColor)}{E(topic.CategoryName)}{(topic.IsPinned ? $" · <span style=\"color:#b45309;font-weight:bold;\">{E(pinned)}</span>" : "")}</p>
                    <a class="digest-topic-title" href="{E(TopicUrl(topic))}" style="font-size:16px;font-weight:bold;color:#0f5c8c;text-decoration:none;">{E(topic.Title)}</a>
                    {(excerpt.Length > 0 ? $"<p style=\"margin:4px 0 0 0;font-size:14px;line-height:1.45;color:#374151;\">{E(excerpt)}</p>" : "")}
                    <p style="margin:4px 0 0 0;font-size:12px;color:#6b7280;">{E(details)}</p>
                    </td></tr>
                    """);
                text.AppendLine((topic.IsPinned ? $"[{pinned}] " : "") + topic.Title)
                    .AppendLine($"{topic.CategoryName} · {details}");
                if (excerpt.Length > 0) text.AppendLine(excerpt);
                text.AppendLine(TopicUrl(topic)).AppendLine();
            }
        }

        if (content.NewTopics.Count > 0)
        {
            string heading = L["New topics"];
            html.Append(Heading(heading)).Append("""<tr><td style="padding:8px 28px 0 28px;"><ul style="margin:0;padding:0 0 0 18px;font-size:14px;line-height:1.6;">""");
            text.AppendLine(heading.ToUpper(CultureInfo.CurrentCulture)).AppendLine();
            foreach (var topic in content.NewTopics)
            {
                var started = L["started {0}", Local(topic.CreatedAt, "d MMM, HH:mm")];
                html.Append($"""
                    <li class="digest-new-topic">{(topic.IsPinned ? $"<span style=\"color:#b45309;font-weight:bold;\">{E(pinned)}</span> " : "")}<a href="{E(TopicUrl(topic))}" style="color:#0f5c8c;text-decoration:none;font-weight:bold;">{E(topic.Title)}</a>
                    <span style="color:#6b7280;font-size:12px;">· {E(topic.CategoryName)} · {E(started)}</span></li>
                    """);
                text.AppendLine($"- {(topic.IsPinned ? $"[{pinned}] " : "")}{topic.Title} ({topic.CategoryName}, {started})").AppendLine($"  {TopicUrl(topic)}");
            }
            html.Append("</ul></td></tr>");
            text.AppendLine();
        }

        html.Append($"""
            <tr><td align="center" style="padding:24px 28px 28px 28px;">
            <a href="{E(baseUrl)}/" style="display:inline-block;padding:10px 22px;background-color:#0f5c8c;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;font-size:15px;">{E(visit)}</a>
            </td></tr>
            </table>
            <p style="max-width:600px;margin:16px auto 0 auto;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:1.5;color:#6b7280;text-align:center;">
            {E(why)}<br>
            <a class="digest-unsubscribe" href="{E(unsubscribeUrl)}" style="color:#4b5563;">{E(unsubscribe)}</a> · <a class="digest-settings" href="{E(settingsUrl)}" style="color:#4b5563;">{E(settings)}</a>
            </p>
            </td></tr>
            </table>
            </body>
            </html>
            """);
        text.AppendLine($"{visit}: {baseUrl}/").AppendLine().AppendLine("-- ").AppendLine(why)
            .AppendLine($"{unsubscribe}: {unsubscribeUrl}").AppendLine($"{settings}: {settingsUrl}");

        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribeUrl}>, <mailto:{mime.UnsubscribeAddress}?subject=unsubscribe%20{token}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            ["Auto-Submitted"] = "auto-generated",
        };
        return new OutgoingMail(member.Email, member.Name.Length > 0 ? member.Name : member.Username, subject, html.ToString(), text.ToString(),
            MessageIdFor(member.Id, digest.Period, mime.MessageIdDomain), headers);
    }

    private static string E(string value) => Html.Encode(value);

    private static string Heading(string title) => $"""
        <tr><td style="padding:20px 28px 0 28px;"><h2 style="margin:0;padding:0 0 6px 0;font-size:17px;color:#111827;border-bottom:1px solid #e5e7eb;">{E(title)}</h2></td></tr>
        """;

    private static string Swatch(string color) => HexColor().IsMatch(color)
        ? $"""<span style="display:inline-block;width:9px;height:9px;margin-right:5px;background-color:#{color};"></span>"""
        : "";
}
