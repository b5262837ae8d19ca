using Forum.Core;
using Forum.Web.Infrastructure;

namespace Forum.Tests.Permissions;

/// <summary>The one mapping from a refusal's kind to the HTTP status and Discourse's error_type.</summary>
public sealed class RefusalResponsesTests
{
    [Theory]
    [InlineData(RefusalKind.Invalid, 422, "invalid_parameters")]
    [InlineData(RefusalKind.NotFound, 404, "not_found")]
    [InlineData(RefusalKind.Forbidden, 403, "invalid_access")]
    [InlineData(RefusalKind.Conflict, 409, "conflict")]
    [InlineData(RefusalKind.RateLimited, 429, "rate_limit")]
    [InlineData(RefusalKind.Unavailable, 503, "unavailable")]
    [InlineData(RefusalKind.TooLarge, 413, "too_large")]
    public void Each_kind_has_one_status_and_error_type(RefusalKind kind, int status, string errorType)
    {
        Assert.Equal(status, RefusalResponses.StatusOf(kind));
        Assert.Equal(errorType, RefusalResponses.ErrorTypeOf(kind));
    }

    [Fact]
    public void A_no_beside_bad_input_decides_the_answer_and_an_empty_field_name_does_not()
    {
        Refusal[] mixed = [new FieldError("Raw", "Post must be {0} to {1} characters long.", 20, 32000), Refusal.Forbidden("This topic is closed.")];
        Assert.Equal(403, RefusalResponses.StatusOf(mixed));
        Assert.Equal(422, RefusalResponses.StatusOf([new FieldError("", "Incorrect username, email or password.")]));
        Assert.Equal(422, RefusalResponses.StatusOf([]));
    }
}
