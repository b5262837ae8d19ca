using System.ComponentModel.DataAnnotations;

namespace Forum.Core.Moderation;

/// <summary>The "Forum:Moderation" configuration section.</summary>
public sealed class ModerationOptions
{
    /// <summary>Flags from this many distinct members hide a post until staff review it.</summary>
    [Range(1, 100)] public int FlagsToHide { get; set; } = 3;
}
