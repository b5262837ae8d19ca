namespace Forum.Core.Groups;

public interface IGroupStore
{
    /// <summary>Every group with its members, alphabetical; small table use.</summary>
    Task<IReadOnlyList<Group>> ListAsync(CancellationToken ct);

    /// <summary>Null when the name is taken (ignoring case).</summary>
    Task<long?> CreateAsync(string name, DateTime createdAt, CancellationToken ct);

    /// <summary>Adds the member named <paramref name="username"/> (ignoring case).</summary>
    Task<AddMemberResult> AddMemberAsync(long groupId, string username, CancellationToken ct);

    /// <summary>False when the user was not in the group.</summary>
    Task<bool> RemoveMemberAsync(long groupId, long userId, CancellationToken ct);

    /// <summary>False when the group is gone.</summary>
    Task<bool> SetMentionableAsync(long groupId, bool mentionable, CancellationToken ct);
}
