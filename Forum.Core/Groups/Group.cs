namespace Forum.Core.Groups;

/// <summary>A named set of members; read-restricted categories are opened to groups.</summary>
public sealed record Group(long Id, string Name, DateTime CreatedAt, IReadOnlyList<GroupMember> Members)
{
    /// <summary>Whether @name notifies every member; off by default, so a big group cannot be pinged by anyone.</summary>
    public bool IsMentionable { get; init; }
}

public sealed record GroupMember(long GroupId, long UserId, string Username);

public enum AddMemberResult { Added, AlreadyMember, NoSuchUser, NoSuchGroup }
