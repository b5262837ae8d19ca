using Forum.Core.Moderation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Moderation;

/// <summary>/admin/logs: the staff action log, newest first, filtered by action, staff member or target, keyset-paged.</summary>
[Authorize(Policy = "Staff")]
public sealed class LogsModel(IStaffLog log) : ModerationPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Staff { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<StaffLogRow> Rows { get; private set; } = [];
    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = (await log.PageAsync(new StaffLogQuery(Blank(Action), Blank(Staff), Blank(Target), Before, PageSize), ct)).ToList();
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            NextBefore = rows[^1].Id;
        }
        Rows = rows;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public string NextUrl => $"/admin/logs?action={Uri.EscapeDataString(Action ?? "")}&staff={Uri.EscapeDataString(Staff ?? "")}&target={Uri.EscapeDataString(Target ?? "")}&before={NextBefore}";
}
