using Forum.Core.Accounts;
using Forum.Core.Digests;
using Forum.Web.Digests;
using Forum.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Forum.Web.Pages.Email;

/// <summary>
/// /email/unsubscribe/{token}, the link in every digest and its List-Unsubscribe header. Works without logging
/// in: the signed token says who. GET only shows the choice (mail scanners follow links); POST unsubscribes at
/// once, which is also what a mail client's one-click (RFC 8058) sends. The page offers another frequency instead.
/// </summary>
[AllowAnonymous]
// The token in the address is the credential, and mail clients post the one-click form without any cookie.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, IUserStore users, IDigestStore digests, DigestPreferencesService preferences) : ForumPageModel
{
    public string Token { get; private set; } = "";

    public string MaskedEmail { get; private set; } = "";

    public DigestFrequency Frequency { get; private set; }

    public bool IsInvalid { get; private set; }

    public bool JustUnsubscribed { get; private set; }

    public bool JustChanged { get; private set; }

    [BindProperty] public string? NewFrequency { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await LoadAsync(token, ct) is { } userId ? Page() : Invalid();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is not { } userId) return Invalid();
        await preferences.ChangeFrequencyAsync(userId, DigestRules.NameOf(DigestFrequency.Never), ct);
        Frequency = DigestFrequency.Never;
        JustUnsubscribed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostFrequencyAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is not { } userId) return Invalid();
        var outcome = await preferences.ChangeFrequencyAsync(userId, NewFrequency, ct);
        // One field on the form: its refusal reads best at the top.
        if (!outcome.Succeeded) return RefusedPage(outcome.Errors.Select(e => e with { Field = "" }).ToList());
        DigestRules.TryParse(NewFrequency, out var chosen);
        Frequency = chosen;
        JustChanged = true;
        return Page();
    }

    private async Task<long?> LoadAsync(string token, CancellationToken ct)
    {
        Token = token;
        if (tokens.Read(token) is not { } userId || await users.FindByIdAsync(userId, ct) is not { } user) return null;
        MaskedEmail = Mask(user.Email);
        Frequency = (await digests.PreferencesAsync(userId, ct))?.Frequency ?? DigestFrequency.Never;
        return userId;
    }

    private IActionResult Invalid()
    {
        IsInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Enough of the address to recognise it, not enough to harvest it from a forwarded link.</summary>
    private static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 1 ? email : $"{email[0]}…{email[(at - 1)..]}";
    }
}
