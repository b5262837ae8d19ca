using Forum.Core;
using Forum.Core.Moderation;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;

namespace Forum.Web.Pages.Moderation;

/// <summary>
/// What the moderation pages share: a refusal naming a field is bad input (422, the form re-shows as typed); a
/// form-wide one is "not allowed" (403, the page says why); an unknown topic or post is 404.
/// </summary>
public abstract class ModerationPageModel : ForumPageModel
{
    public bool IsRefused { get; private set; }

    protected int RefusalStatus(IReadOnlyList<FieldError> errors) =>
        ModerationRules.IsNotFound(errors) ? StatusCodes.Status404NotFound
        : errors.Any(e => e.Field.Length > 0) ? StatusCodes.Status422UnprocessableEntity
        : StatusCodes.Status403Forbidden;

    /// <summary>Shows the refusals on the page under the status they call for.</summary>
    protected void Refuse(IReadOnlyList<FieldError> errors)
    {
        var status = RefusalStatus(errors);
        ShowRefusal(errors);
        Response.StatusCode = status;
        IsRefused = status != StatusCodes.Status422UnprocessableEntity;
    }

    /// <summary>A moment typed in a datetime-local field means the reader's own time zone.</summary>
    protected DateTime? ToUtc(DateTime? local) =>
        local is { } value ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), User.TimeZoneInfo()) : null;
}
