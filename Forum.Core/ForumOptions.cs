using System.ComponentModel.DataAnnotations;

namespace Forum.Core;

/// <summary>The "Forum" configuration section.</summary>
public sealed class ForumOptions : IValidatableObject
{
    /// <summary>Site title shown in the header and in mail subjects.</summary>
    [Required] public string Title { get; set; } = "Ronda";

    /// <summary>Where the managed PostgreSQL cluster and the mail pickup folder live.</summary>
    [Required] public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Absolute base URL used in links that leave the site (mail). Unset, the forum uses the address it listens on
    /// (Forum.Web resolves it once the server has started).
    /// </summary>
    [Required, Url] public string BaseUrl { get; set; } = "http://localhost:5000";

    [Range(5, 100)] public int PostsPerPage { get; set; } = 20;

    [Range(5, 100)] public int TopicsPerPage { get; set; } = 30;

    /// <summary>How long a topic counts as new for members who have not opened it (Discourse's default: 2 days).</summary>
    [Range(1, 365)] public int NewTopicWindowDays { get; set; } = 2;

    /// <summary>How often each kind of request may be made; over the limit the forum answers 429 with Retry-After.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Uploaded images: folder, size and width limits.</summary>
    public Uploads.UploadOptions Uploads { get; set; } = new();

    /// <summary>Data annotations do not look inside nested sections, so the limits are checked here, at start-up.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = typeof(RateLimitOptions).GetProperties()
            .Where(p => p.GetValue(RateLimits) is not RateLimit { Permits: >= 1, Window.Ticks: > 0 })
            .Select(p => new ValidationResult($"Forum:RateLimits:{p.Name} needs Permits of at least 1 and a Window longer than zero.", [nameof(RateLimits)]))
            .ToList();
        Validator.TryValidateObject(Uploads, new ValidationContext(Uploads), results, validateAllProperties: true);
        return results;
    }
}

/// <summary>A fixed window: at most <see cref="Permits"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    [Range(1, 1_000_000)] public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public RateLimit() { }

    public RateLimit(int permits, TimeSpan window) => (Permits, Window) = (permits, window);
}

/// <summary>The "Forum:RateLimits" section, e.g. Forum__RateLimits__LoginPerAccount__Permits=5.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Login attempts naming one account, from anywhere: guessing one member's password.</summary>
    public RateLimit LoginPerAccount { get; set; } = new(5, TimeSpan.FromMinutes(1));

    /// <summary>Login attempts from one address, whatever account they name: trying many accounts.</summary>
    public RateLimit LoginPerAddress { get; set; } = new(20, TimeSpan.FromMinutes(1));

    public RateLimit SignUpPerAddress { get; set; } = new(10, TimeSpan.FromHours(1));

    /// <summary>Reset links asked for from one address (each one mails someone).</summary>
    public RateLimit PasswordResetPerAddress { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Confirmation links asked for again by one member.</summary>
    public RateLimit ConfirmationMailsPerMember { get; set; } = new(3, TimeSpan.FromMinutes(15));

    /// <summary>New topics, replies and edits by one member (or one address when signed out), pages and /posts.json alike.</summary>
    public RateLimit PostsPerMember { get; set; } = new(20, TimeSpan.FromMinutes(1));

    public RateLimit PreviewsPerMember { get; set; } = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Calls to the live hub by one member across all their connections (by connection for guests).</summary>
    public RateLimit HubCallsPerMember { get; set; } = new(60, TimeSpan.FromSeconds(10));
}
