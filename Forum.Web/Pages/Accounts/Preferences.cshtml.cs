using System.Globalization;
using Forum.Core.Accounts;
using Forum.Core.Digests;
using Forum.Core.Notifications;
using Forum.Web.Accounts;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forum.Web.Pages.Accounts;

/// <summary>/my/preferences: the member edits their profile, language and time zone, and their summary emails.</summary>
[Authorize]
public sealed class PreferencesModel(AccountService accounts, IUserStore users, SessionService sessions, DigestPreferencesService digestPreferences, NotificationService notifications, IDigestStore digests, ITimeZoneStore zones, Core.Uploads.UploadService uploads) : ForumPageModel
{
    /// <summary>The zones members may choose, by IANA name; the same list AccountService accepts.</summary>
    private IReadOnlyList<string> knownZones = [];

    [BindProperty] public PreferencesInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public string Username { get; private set; } = "";

    /// <summary>The member's uploaded avatar; null while they show the letter avatar.</summary>
    public string? AvatarFile { get; private set; }

    /// <summary>The ModelState key of the avatar form's refusals, shown inside that form.</summary>
    public const string AvatarField = "Avatar";

    [BindProperty] public DigestInput Digest { get; set; } = new();

    [BindProperty] public PasswordInput Password { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool PasswordChanged { get; set; }

    public sealed class PasswordInput
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
    }

    public sealed class DigestInput
    {
        public string? Frequency { get; set; }
        public string? Hour { get; set; }
    }

    public DigestFrequency SelectedDigestFrequency => DigestRules.TryParse(Digest.Frequency, out var frequency) ? frequency : DigestRules.DefaultFrequency;

    public sealed class PreferencesInput
    {
        public string? Name { get; set; }
        public string? Bio { get; set; }
        public string? Organization { get; set; }
        public string? Location { get; set; }
        public string TimeZone { get; set; } = "UTC";
        public string Locale { get; set; } = "en";
        public string Theme { get; set; } = "system";
    }

    /// <summary>Every known zone, plus the chosen one if this machine lacks it, so the select never drops it.</summary>
    public IReadOnlyList<string> TimeZoneIds => knownZones.Contains(Input.TimeZone)
        ? knownZones
        : [.. knownZones.Append(Input.TimeZone).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        if (user is null) return Challenge();
        Username = user.Username;
        AvatarFile = user.AvatarFile;
        knownZones = await zones.AllAsync(ct);
        Input = new PreferencesInput
        {
            Name = user.Name, Bio = user.Bio, Organization = user.Organization, Location = user.Location,
            TimeZone = user.TimeZone, Locale = user.Locale, Theme = user.Theme,
        };
        var digest = await digests.PreferencesAsync(user.Id, ct) ?? new DigestPreferences(DigestRules.DefaultFrequency, DigestRules.DefaultHour);
        Digest = new DigestInput { Frequency = DigestRules.NameOf(digest.Frequency), Hour = digest.Hour.ToString(CultureInfo.InvariantCulture) };
        return Page();
    }

    /// <summary>Every session ends, this one included; this browser then gets a fresh one, so only it stays signed in.</summary>
    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (Viewer.UserId is not { } userId) return Challenge();
        var outcome = await accounts.ChangePasswordAsync(userId, Password.CurrentPassword, Password.NewPassword, ct);
        Password = new PasswordInput();
        if (!outcome.Succeeded)
        {
            var shown = await OnGetAsync(ct);
            return shown is PageResult ? RefusedPage(outcome.Errors, "Password") : shown;
        }
        var user = await users.FindByIdAsync(userId, ct);
        if (user is null) return Challenge();
        await ForumClaims.SignInAsync(HttpContext, user);
        return Redirect("/my/preferences?passwordChanged=true#password");
    }

    /// <summary>Stores the chosen image as the member's avatar: square, 240 px, without metadata, as any upload.</summary>
    public async Task<IActionResult> OnPostAvatarAsync(CancellationToken ct)
    {
        if (!Viewer.IsSignedIn) return Challenge();
        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(AvatarField) : null;
        IReadOnlyList<Core.Refusal> refusals = [Core.Refusal.Invalid("Choose an image to upload.")];
        if (file is not null)
        {
            await using var content = file.OpenReadStream();
            var outcome = await uploads.SetAvatarAsync(Viewer, content, file.Length, ct);
            if (outcome.Succeeded) return Redirect("/my/preferences?saved=true#avatar");
            refusals = outcome.Errors;
        }
        var shown = await OnGetAsync(ct);
        if (shown is not PageResult) return shown;
        foreach (var refusal in refusals) ModelState.AddModelError(AvatarField, L[refusal.Message, refusal.Args]);
        Response.StatusCode = RefusalResponses.StatusOf(refusals);
        return Page();
    }

    /// <summary>Back to the letter avatar; the uploaded file stays, as other members' posts may still show it from cache.</summary>
    public async Task<IActionResult> OnPostRemoveAvatarAsync(CancellationToken ct)
    {
        if (!Viewer.IsSignedIn) return Challenge();
        await uploads.RemoveAvatarAsync(Viewer, ct);
        return Redirect("/my/preferences?saved=true#avatar");
    }

    /// <summary>"Log out everywhere": every session of the member ends, this browser's too.</summary>
    public async Task<IActionResult> OnPostLogOutEverywhereAsync(CancellationToken ct)
    {
        if (Viewer.UserId is not { } userId) return Challenge();
        await sessions.EndAllAsync(userId, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }

    /// <summary>
    /// Saves the profile, notification and summary choices together. Each valid part is kept even when another is
    /// refused, and the refused page re-shows everything as typed, so no change is lost.
    /// </summary>
    public async Task<IActionResult> OnPostAsync([FromForm] int onCreate, [FromForm] int onReply, [FromForm] bool emailWhenAway, CancellationToken ct)
    {
        var user = await CurrentUserAsync(ct);
        if (user is null) return Challenge();
        Username = user.Username;
        knownZones = await zones.AllAsync(ct);
        // Notifications first: the refused page reads them back from the store, so they show as typed.
        var notified = await notifications.SavePreferencesAsync(Viewer, onCreate, onReply, emailWhenAway, ct);
        var profile = await accounts.UpdateProfileAsync(new ProfileUpdate(user.Id, (Input.Name ?? "").Trim(), (Input.Bio ?? "").Trim(),
            (Input.Organization ?? "").Trim(), (Input.Location ?? "").Trim(), Input.TimeZone ?? "", Input.Locale ?? ""), ct);
        var theme = await accounts.SetThemeAsync(user.Id, Input.Theme, ct);
        var hour = int.TryParse(Digest.Hour, NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : -1;
        var digest = await digestPreferences.UpdateAsync(user.Id, Digest.Frequency, hour, ct);
        if (!notified.Succeeded || !profile.Succeeded || !theme.Succeeded || !digest.Succeeded)
        {
            var refusals = notified.Errors.Select(e => e with { Field = "" }).Concat(profile.Errors).Concat(theme.Errors).ToList();
            if (refusals.Count > 0) ShowRefusal(refusals);
            if (!digest.Succeeded) ShowRefusal(digest.Errors, "Digest");
            return Page();
        }

        // The next request's session check puts the new language, zone and theme into the cookie, so that page uses them.
        return Redirect("/my/preferences?saved=true#saved");
    }

    private async Task<User?> CurrentUserAsync(CancellationToken ct) =>
        Viewer.UserId is { } id ? await users.FindByIdAsync(id, ct) : null;
}
