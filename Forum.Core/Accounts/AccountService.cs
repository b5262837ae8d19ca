namespace Forum.Core.Accounts;

public sealed record SignUpRequest(string Username, string Email, string Password, string? TimeZone, string? Locale);

public sealed class AccountService(IUserStore users, IPasswordHasher hasher, ITimeZoneStore zones, TimeProvider clock)
{
    /// <summary>Creates a member; the first account made through <paramref name="role"/> Admin is the setup wizard's.</summary>
    public async Task<Outcome<long>> SignUpAsync(SignUpRequest request, UserRole role, CancellationToken ct)
    {
        var username = request.Username.Trim();
        var email = request.Email.Trim();
        var errors = AccountRules.CheckSignUp(username, email, request.Password, role).ToList();
        // Without JavaScript the browser sends no zone, and UTC is the honest default.
        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : await zones.CanonicalAsync(request.TimeZone, ct);
        if (timeZone is null) errors.Add(new FieldError("", "The time zone your browser reported ({0}) is not one the forum knows. Reload the page and try again; you can choose another zone later in your preferences.", Clip(request.TimeZone!)));
        if (errors.Count > 0) return Outcome<long>.Refused(errors);

        var locale = request.Locale is { } l && AccountRules.Locales.Contains(l) ? l : "en";
        var (id, conflict) = await users.CreateAsync(
            new NewUser(username, email, hasher.Hash(request.Password), timeZone!, locale, role, clock.GetUtcNow().UtcDateTime), ct);
        return conflict switch
        {
            CreateUserConflict.Username => Outcome<long>.Refused(new FieldError("Username", "That username is taken.")),
            CreateUserConflict.LookAlike => Outcome<long>.Refused(new FieldError("Username", "That username looks too much like an existing one. Choose another.")),
            CreateUserConflict.Email => Outcome<long>.Refused(new FieldError("Email", "An account with that email already exists.")),
            _ => Outcome<long>.Ok(id!.Value),
        };
    }

    /// <summary>The user id when the login (username or email) and password match; null otherwise.</summary>
    public async Task<long?> CheckPasswordAsync(string login, string password, CancellationToken ct)
    {
        var found = await users.FindCredentialsAsync(login.Trim(), ct);
        return found is not null && hasher.Verify(found.PasswordHash, password) ? found.Id : null;
    }

    public async Task<Outcome<bool>> UpdateProfileAsync(ProfileUpdate update, CancellationToken ct)
    {
        var errors = AccountRules.CheckProfile(update).ToList();
        var timeZone = await zones.CanonicalAsync(update.TimeZone, ct);
        if (timeZone is null) errors.Add(new FieldError("TimeZone", "Unknown time zone."));
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        return Outcome<bool>.Ok(await users.UpdateProfileAsync(update with { TimeZone = timeZone! }, ct));
    }

    // A refused value is echoed in the message; a hostile one must not fill the page.
    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
