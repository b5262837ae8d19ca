using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Forum.Core;
using Forum.Core.Digests;
using Forum.Core.Mail;
using Forum.Core.Notifications;
using Forum.Web.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Forum.Web.Notifications;

/// <summary>
/// One email for a batch of notifications (mentions, quotes, replies) to a member who is away: each item says
/// who wrote what where, with an excerpt and an absolute link to the post, in the member's language and zone.
/// </summary>
public sealed class ActivityMail(IStringLocalizer<SharedResource> L, IOptions<ForumOptions> forum, MimeBuilder mime)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string MessageIdFor(long batchId, string domain) => $"activity.{batchId}@{domain}";

    public OutgoingMail Compose(NotificationEmailBatch batch) => MemberCulture.Apply(batch.Member.Locale, () => Write(batch));

    private OutgoingMail Write(NotificationEmailBatch batch)
    {
        var member = batch.Member;
        var site = forum.Value.Title;
        var baseUrl = forum.Value.BaseUrl.TrimEnd('/');
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(member.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        string Local(DateTime utc) =>
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM, HH:mm", CultureInfo.CurrentCulture);
        string PostUrl(EmailedNotification n) => $"{baseUrl}/t/{Uri.EscapeDataString(n.TopicSlug)}/{n.TopicId}/{n.PostNumber}";

        var first = batch.Notifications[0];
        var subject = batch.Notifications.Count == 1
            ? L["[{0}] {1}", site, Headline(first)]
            : L["[{0}] {1} new notifications, the latest in {2}", site, batch.Notifications.Count, batch.Notifications[^1].TopicTitle];
        var greeting = L["Hi {0},", member.Name.Length > 0 ? member.Name : member.Username];
        var intro = L["While you were away from {0}:", site];
        string settings = L["Notification settings"], why = L["You receive this because you asked for email about mentions, quotes and replies while away."];
        var settingsUrl = $"{baseUrl}/my/preferences";

        var html = new StringBuilder(8 * 1024);
        var text = new StringBuilder(2 * 1024);
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:24px 12px;background-color:#f3f4f6;font-family:Helvetica,Arial,sans-serif;color:#1f2937;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" align="center" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:6px;">
            <tr><td style="padding:24px 28px 8px 28px;font-size:15px;line-height:1.5;">
            <p style="margin:0 0 6px 0;">{E(greeting)}</p><p style="margin:0;">{E(intro)}</p>
            </td></tr>
            """);
        text.AppendLine(greeting).AppendLine().AppendLine(intro).AppendLine();
        foreach (var n in batch.Notifications)
        {
            var headline = Headline(n);
            var excerpt = Excerpt.FromMarkdown(n.PostRaw, 300);
            html.Append($"""
                <tr><td class="activity-item" style="padding:12px 28px 0 28px;">
                <a href="{E(PostUrl(n))}" style="font-size:15px;font-weight:bold;color:#0f5c8c;text-decoration:none;">{E(headline)}</a>
                <span style="font-size:12px;color:#6b7280;"> · {E(Local(n.CreatedAt))}</span>
                {(excerpt.Length > 0 ? $"<p style=\"margin:4px 0 0 0;font-size:14px;line-height:1.45;color:#374151;border-left:3px solid #e5e7eb;padding-left:8px;\">{E(excerpt)}</p>" : "")}
                </td></tr>
                """);
            text.AppendLine($"{headline} ({Local(n.CreatedAt)})");
            if (excerpt.Length > 0) text.AppendLine(excerpt);
            text.AppendLine(PostUrl(n)).AppendLine();
        }
        html.Append($"""
            <tr><td style="padding:20px 28px 24px 28px;font-size:12px;color:#6b7280;">{E(why)}<br>
            <a class="activity-settings" href="{E(settingsUrl)}" style="color:#4b5563;">{E(settings)}</a></td></tr>
            </table></body></html>
            """);
        text.AppendLine("-- ").AppendLine(why).AppendLine($"{settings}: {settingsUrl}");

        var headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" };
        return new OutgoingMail(member.Email, member.Name.Length > 0 ? member.Name : member.Username, subject, html.ToString(), text.ToString(),
            MessageIdFor(batch.Id, mime.MessageIdDomain), headers);
    }

    private string Headline(EmailedNotification n) => n.Kind switch
    {
        NotificationKind.Mentioned => L["{0} mentioned you in {1}", n.ActorUsername, n.TopicTitle],
        NotificationKind.GroupMentioned => L["{0} mentioned @{1} in {2}", n.ActorUsername, n.Detail, n.TopicTitle],
        NotificationKind.Quoted => L["{0} quoted you in {1}", n.ActorUsername, n.TopicTitle],
        _ => L["{0} replied to you in {1}", n.ActorUsername, n.TopicTitle],
    };

    private static string E(string value) => Html.Encode(value);
}
