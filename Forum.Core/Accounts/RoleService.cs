using Forum.Core.Moderation;

namespace Forum.Core.Accounts;

public sealed class RoleService(IUserStore users, IStaffLog log, TimeProvider clock)
{
    public async Task<Outcome<bool>> ChangeRoleAsync(Viewer admin, long userId, UserRole role, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<bool>.Refused(Refusal.Forbidden("Only admins change roles."));
        // Demoting oneself could leave the forum with no admin at all; another admin has to do it.
        if (admin.UserId == userId && role != UserRole.Admin)
            return Outcome<bool>.Refused(Refusal.Forbidden("You cannot remove your own admin role."));
        var before = await users.FindByIdAsync(userId, ct);
        if (before is null || !await users.SetRoleAsync(userId, role, ct)) return Outcome<bool>.Refused(Refusal.NotFound("That member no longer exists."));
        if (before.Role != role)
            await log.WriteAsync(new StaffLogEntry(admin.UserId!.Value, StaffActions.RoleChanged, userId,
                Before: before.Role.ToString(), After: role.ToString()), clock.GetUtcNow().UtcDateTime, ct);
        return Outcome<bool>.Ok(true);
    }
}
