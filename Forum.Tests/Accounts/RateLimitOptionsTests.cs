using System.ComponentModel.DataAnnotations;
using Forum.Core;

namespace Forum.Tests.Accounts;

/// <summary>A limit set to nothing stops the forum at start-up with the setting's name, instead of failing on the first request.</summary>
public sealed class RateLimitOptionsTests
{
    private static List<ValidationResult> Check(ForumOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_default_limits_are_valid() => Assert.Empty(Check(new ForumOptions()));

    [Fact]
    public void A_limit_without_a_window_or_permits_is_refused_by_name()
    {
        var options = new ForumOptions();
        options.RateLimits.PostsPerMember.Window = TimeSpan.Zero;
        options.RateLimits.LoginPerAddress.Permits = 0;

        var messages = Check(options).Select(r => r.ErrorMessage).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Contains("Forum:RateLimits:PostsPerMember needs Permits of at least 1 and a Window longer than zero.", messages);
        Assert.Contains("Forum:RateLimits:LoginPerAddress needs Permits of at least 1 and a Window longer than zero.", messages);
    }
}
