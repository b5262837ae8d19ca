using Forum.Core;
using Forum.Core.Moderation;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;

namespace Forum.Web.Pages.Moderation;

/// <summary>
/// What the moderation pages share: bad input re-shows the form as typed (422); any other refusal answers its
/// kind's status (RefusalResponses) with the page saying why.
/// </summary>
public abstract class ModerationPageModel : ForumPageModel
{
    public bool IsRefused { get; private set; }

    /// <summary>Shows the refusals on the page under the status they call for.</summary>
    protected void Refuse(IReadOnlyList<Refusal> errors)
    {
        ShowRefusal(errors);
        IsRefused = RefusalResponses.KindOf(errors) != RefusalKind.Invalid;
    }

    /// <summary>A moment typed in a datetime-local field means the reader's own time zone.</summary>
    protected DateTime? ToUtc(DateTime? local) =>
        local is { } value ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), User.TimeZoneInfo()) : null;
}
