using System.ComponentModel.DataAnnotations;

namespace Forum.Core;

/// <summary>The "Forum" configuration section.</summary>
public sealed class ForumOptions
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
}
