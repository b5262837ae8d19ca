using Forum.Core;
using Forum.Core.Groups;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Admin;

/// <summary>/admin/groups: create groups, add and remove members by username.</summary>
public sealed class GroupsModel(IGroupStore groups, GroupService groupService) : ForumPageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    [BindProperty] public CreateInput Create { get; set; } = new();

    [BindProperty] public MemberInput Member { get; set; } = new();

    public sealed class CreateInput
    {
        public string? Name { get; set; }
    }

    public sealed class MemberInput
    {
        public long GroupId { get; set; }
        public long UserId { get; set; }
        public string? Username { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Groups = await groups.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var outcome = await groupService.CreateAsync(Viewer, Create.Name ?? "", ct);
        if (outcome.Succeeded) return Redirect($"/admin/groups#group-{outcome.Value}");
        return await RefusedAsync(outcome.Errors, "Create", ct);
    }

    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken ct)
    {
        var outcome = await groupService.AddMemberAsync(Viewer, Member.GroupId, Member.Username ?? "", ct);
        if (outcome.Succeeded) return Redirect($"/admin/groups#group-{Member.GroupId}");
        // Every group has its own member form, so the message goes above them all rather than beside one field.
        return await RefusedAsync(outcome.Errors.Select(e => e with { Field = "" }).ToList(), "Member", ct);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(CancellationToken ct)
    {
        var outcome = await groupService.RemoveMemberAsync(Viewer, Member.GroupId, Member.UserId, ct);
        if (outcome.Succeeded) return Redirect($"/admin/groups#group-{Member.GroupId}");
        return await RefusedAsync(outcome.Errors, "Member", ct);
    }

    public async Task<IActionResult> OnPostMentionableAsync([FromForm] bool mentionable, CancellationToken ct)
    {
        var outcome = await groupService.SetMentionableAsync(Viewer, Member.GroupId, mentionable, ct);
        if (outcome.Succeeded) return Redirect($"/admin/groups#group-{Member.GroupId}");
        return await RefusedAsync(outcome.Errors, "Member", ct);
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<Refusal> errors, string prefix, CancellationToken ct)
    {
        Groups = await groups.ListAsync(ct);
        return RefusedPage(errors, prefix);
    }
}
