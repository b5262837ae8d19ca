namespace Forum.Web.Live;

/// <summary>
/// The signed-in connections on this server and the groups each joined, so a push to a group can leave out the
/// members who may no longer hear it (suspended since they joined). Guests are never suspended and are not kept.
/// </summary>
public sealed class LiveConnections
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, long>> membersByGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> groupsByConnection = new(StringComparer.Ordinal);

    public void Joined(string group, string connectionId, long userId)
    {
        lock (gate)
        {
            if (!membersByGroup.TryGetValue(group, out var members)) membersByGroup[group] = members = new(StringComparer.Ordinal);
            members[connectionId] = userId;
            if (!groupsByConnection.TryGetValue(connectionId, out var groups)) groupsByConnection[connectionId] = groups = new(StringComparer.Ordinal);
            groups.Add(group);
        }
    }

    public void Left(string group, string connectionId)
    {
        lock (gate)
        {
            Remove(group, connectionId);
            if (groupsByConnection.TryGetValue(connectionId, out var groups)) groups.Remove(group);
        }
    }

    /// <summary>Forgets the connection (closed, or its member suspended) and answers the groups it had joined.</summary>
    public IReadOnlyList<string> Forget(string connectionId)
    {
        lock (gate)
        {
            if (!groupsByConnection.Remove(connectionId, out var groups)) return [];
            foreach (var group in groups) Remove(group, connectionId);
            return groups.ToList();
        }
    }

    /// <summary>The signed-in connections in <paramref name="group"/> on this server, with their members.</summary>
    public IReadOnlyList<(string ConnectionId, long UserId)> In(string group)
    {
        lock (gate)
            return membersByGroup.TryGetValue(group, out var members) ? members.Select(m => (m.Key, m.Value)).ToList() : [];
    }

    private void Remove(string group, string connectionId)
    {
        if (membersByGroup.TryGetValue(group, out var members) && members.Remove(connectionId) && members.Count == 0)
            membersByGroup.Remove(group);
    }
}
