namespace Forum.Core.Groups;

/// <summary>A named set of members; read-restricted categories are opened to groups.</summary>
public sealed record Group(long Id, string Name, DateTime CreatedAt, IReadOnlyList<GroupMember> Members);

public sealed record GroupMember(long GroupId, long UserId, string Username);

public enum AddMemberResult { Added, AlreadyMember, NoSuchUser, NoSuchGroup }
