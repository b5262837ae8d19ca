namespace Forum.Core.Accounts;

public sealed class RoleService(IUserStore users)
{
    public async Task<Outcome<bool>> ChangeRoleAsync(Viewer admin, long userId, UserRole role, CancellationToken ct)
    {
        if (!admin.IsAdmin) return Outcome<bool>.Refused(new FieldError("", "Only admins change roles."));
        // Demoting oneself could leave the forum with no admin at all; another admin has to do it.
        if (admin.UserId == userId && role != UserRole.Admin)
            return Outcome<bool>.Refused(new FieldError("", "You cannot remove your own admin role."));
        return await users.SetRoleAsync(userId, role, ct)
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Refused(new FieldError("", "That member no longer exists."));
    }
}
