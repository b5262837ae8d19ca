using Forum.Core.Accounts;

namespace Forum.Core.Groups;

public sealed class GroupService(IGroupStore groups, TimeProvider clock)
{
    private static readonly Refusal AdminsOnly = Refusal.Forbidden("Only admins manage groups.");

    public async Task<Outcome<long>> CreateAsync(Viewer admin, string name, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<long>.Refused(AdminsOnly);
        name = name.Trim();
        var errors = GroupRules.CheckName(name).ToList();
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        return await groups.CreateAsync(name, clock.GetUtcNow().UtcDateTime, ct) is { } id
            ? Outcome<long>.Ok(id)
            : Outcome<long>.Refused(new FieldError("Name", "A group with that name already exists."));
    }

    public async Task<Outcome<bool>> AddMemberAsync(Viewer admin, long groupId, string username, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<bool>.Refused(AdminsOnly);
        username = username.Trim();
        if (username.Length == 0) return Outcome<bool>.Refused(new FieldError("Username", "Enter a username."));
        return await groups.AddMemberAsync(groupId, username, ct) switch
        {
            AddMemberResult.Added => Outcome<bool>.Ok(true),
            AddMemberResult.AlreadyMember => Outcome<bool>.Refused(new FieldError("Username", "{0} is already in this group.", username)),
            AddMemberResult.NoSuchUser => Outcome<bool>.Refused(new FieldError("Username", "Nobody is called {0}.", username)),
            _ => Outcome<bool>.Refused(Refusal.NotFound("That group no longer exists.")),
        };
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(Viewer admin, long groupId, long userId, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<bool>.Refused(AdminsOnly);
        return await groups.RemoveMemberAsync(groupId, userId, ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Refused(Refusal.NotFound("That member is not in this group."));
    }

    public async Task<Outcome<bool>> SetMentionableAsync(Viewer admin, long groupId, bool mentionable, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<bool>.Refused(AdminsOnly);
        return await groups.SetMentionableAsync(groupId, mentionable, ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Refused(Refusal.NotFound("That group no longer exists."));
    }
}
