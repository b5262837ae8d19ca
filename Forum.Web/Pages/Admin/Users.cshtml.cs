using Forum.Core;
using Forum.Core.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Admin;

/// <summary>/admin/users: every member, with a role picker each.</summary>
public sealed class UsersModel(IUserStore users, RoleService roles) : ForumPageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    [BindProperty] public RoleInput Input { get; set; } = new();

    public sealed class RoleInput
    {
        public long UserId { get; set; }
        public string? Role { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Users = await users.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Only the names count: Enum.TryParse would also take numbers.
        var outcome = Input.Role is { } name && Enum.GetNames<UserRole>().Contains(name)
            ? await roles.ChangeRoleAsync(Viewer, Input.UserId, Enum.Parse<UserRole>(name), ct)
            : Outcome<bool>.Refused(new FieldError("", "Unknown role."));
        if (outcome.Succeeded) return Redirect($"/admin/users#user-{Input.UserId}");
        Users = await users.ListAsync(ct);
        return RefusedPage(outcome.Errors);
    }
}
