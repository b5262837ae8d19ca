using Forum.Core.Permissions;
using Forum.Core;
using Forum.Core.Accounts;
using Forum.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>/u/{username}/moderate: staff silence or suspend a member until a moment, with a reason, or lift it.</summary>
[Authorize]
public sealed class PenaltyModel(IUserStore users, PenaltyService penalties) : ModerationPageModel
{
    public User? Member { get; private set; }
    public UserPenalty? Current { get; private set; }

    [BindProperty] public PenaltyInput Input { get; set; } = new();

    public sealed class PenaltyInput
    {
        public DateTime? Until { get; set; }
        public string Reason { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken ct)
    {
        if (!Viewer.IsStaff)
        {
            Refuse([Guardian.StaffOnly]);
            return Page();
        }
        return await LoadAsync(username, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostSilenceAsync(string username, CancellationToken ct) =>
        ActAsync(username, (id, ct2) => penalties.SetAsync(Viewer, id, PenaltyKind.Silence, ToUtc(Input.Until), Input.Reason, ct2), ct);

    public Task<IActionResult> OnPostSuspendAsync(string username, CancellationToken ct) =>
        ActAsync(username, (id, ct2) => penalties.SetAsync(Viewer, id, PenaltyKind.Suspend, ToUtc(Input.Until), Input.Reason, ct2), ct);

    public Task<IActionResult> OnPostUnsilenceAsync(string username, CancellationToken ct) =>
        ActAsync(username, (id, ct2) => penalties.LiftAsync(Viewer, id, PenaltyKind.Silence, ct2), ct);

    public Task<IActionResult> OnPostUnsuspendAsync(string username, CancellationToken ct) =>
        ActAsync(username, (id, ct2) => penalties.LiftAsync(Viewer, id, PenaltyKind.Suspend, ct2), ct);

    private async Task<IActionResult> ActAsync(string username, Func<long, CancellationToken, Task<Outcome<bool>>> work, CancellationToken ct)
    {
        if (await users.FindByUsernameAsync(username, ct) is not { } member) return NotFound();
        var outcome = await work(member.Id, ct);
        if (outcome.Succeeded) return Redirect($"/u/{member.Username}/moderate");
        Refuse(outcome.Errors);
        if (!IsRefused) await LoadAsync(username, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string username, CancellationToken ct)
    {
        Member = await users.FindByUsernameAsync(username, ct);
        if (Member is null) return false;
        Current = await penalties.FindAsync(Member.Id, ct);
        return true;
    }
}
