namespace Forum.Core.Accounts;

public sealed record SignUpRequest(string Username, string Email, string Password, string? TimeZone, string? Locale);

public sealed class AccountService(IUserStore users, IPasswordHasher hasher, TimeProvider clock)
{
    /// <summary>Creates a member; the first account made through <paramref name="role"/> Admin is the setup wizard's.</summary>
    public async Task<Outcome<long>> SignUpAsync(SignUpRequest request, UserRole role, CancellationToken ct)
    {
        var username = request.Username.Trim();
        var email = request.Email.Trim();
        var errors = AccountRules.CheckSignUp(username, email, request.Password).ToList();
        if (errors.Count > 0) return Outcome<long>.Refused(errors);

        var timeZone = request.TimeZone is { } tz && AccountRules.IsTimeZone(tz) ? tz : "UTC";
        var locale = request.Locale is { } l && AccountRules.Locales.Contains(l) ? l : "en";
        var (id, conflict) = await users.CreateAsync(
            new NewUser(username, email, hasher.Hash(request.Password), timeZone, locale, role, clock.GetUtcNow().UtcDateTime), ct);
        return conflict switch
        {
            CreateUserConflict.Username => Outcome<long>.Refused(new FieldError("Username", "That username is taken.")),
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
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        return Outcome<bool>.Ok(await users.UpdateProfileAsync(update, ct));
    }
}
