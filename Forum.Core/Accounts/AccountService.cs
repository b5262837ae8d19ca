namespace Forum.Core.Accounts;

public sealed record SignUpRequest(string Username, string Email, string Password, string? TimeZone, string? Locale);

/// <summary>
/// What a sign-up through the public form led to. The page answers <see cref="Created"/> and <see cref="EmailTaken"/>
/// alike ("check your mail"), so the form does not tell a stranger which addresses have accounts.
/// </summary>
public abstract record Registration
{
    public sealed record Created(IssuedLink Confirmation) : Registration;

    /// <summary>The address already has an account: its owner is mailed a notice instead.</summary>
    public sealed record EmailTaken(User Owner) : Registration;

    public sealed record Refused(IReadOnlyList<FieldError> Errors) : Registration;
}

public sealed class AccountService(IUserStore users, IPasswordHasher hasher, SessionService sessions, IAccountTokenStore tokens, ITimeZoneStore zones, TimeProvider clock)
{
    /// <summary>Verified against when a login names no account, so that answer takes as long as a wrong password.</summary>
    private static string? unknownAccountHash;

    /// <summary>
    /// Creates a member whose address counts as confirmed: the setup wizard's admin (role Admin), the CLI's and the
    /// demo's accounts. The public sign-up form uses <see cref="RegisterAsync"/>.
    /// </summary>
    public async Task<Outcome<long>> SignUpAsync(SignUpRequest request, UserRole role, CancellationToken ct)
    {
        var (id, errors, _) = await CreateAsync(request, role, clock.GetUtcNow().UtcDateTime, ct);
        return id is { } created ? Outcome<long>.Ok(created) : Outcome<long>.Refused(errors);
    }

    /// <summary>A sign-up from the public form: the member starts unconfirmed and gets a link to confirm their address.</summary>
    public async Task<Registration> RegisterAsync(SignUpRequest request, CancellationToken ct)
    {
        var (id, errors, emailTaken) = await CreateAsync(request, UserRole.Member, null, ct);
        if (emailTaken && await users.FindByEmailAsync(request.Email.Trim(), ct) is { } owner) return new Registration.EmailTaken(owner);
        if (id is null) return new Registration.Refused(errors);
        var member = (await users.FindByIdAsync(id.Value, ct))!;
        var token = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        await tokens.IssueAsync(SecretTokens.IdOf(token), member.Id, AccountTokenPurpose.EmailConfirmation, member.Email, now,
            now + AccountTokenService.ConfirmationLifetime, ct);
        return new Registration.Created(new IssuedLink(member, token));
    }

    private async Task<(long? Id, IReadOnlyList<FieldError> Errors, bool EmailTaken)> CreateAsync(SignUpRequest request, UserRole role,
        DateTime? emailConfirmedAt, CancellationToken ct)
    {
        var username = request.Username.Trim();
        var email = request.Email.Trim();
        var errors = AccountRules.CheckSignUp(username, email, request.Password, role).ToList();
        // Without JavaScript the browser sends no zone, and UTC is the honest default.
        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : await zones.CanonicalAsync(request.TimeZone, ct);
        if (timeZone is null) errors.Add(new FieldError("", "The time zone your browser reported ({0}) is not one the forum knows. Reload the page and try again; you can choose another zone later in your preferences.", Clip(request.TimeZone!)));
        if (errors.Count > 0) return (null, errors, false);

        var locale = request.Locale is { } l && AccountRules.Locales.Contains(l) ? l : "en";
        var (id, conflict) = await users.CreateAsync(
            new NewUser(username, email, hasher.Hash(request.Password), timeZone!, locale, role, clock.GetUtcNow().UtcDateTime, emailConfirmedAt), ct);
        return conflict switch
        {
            CreateUserConflict.Username => (null, [new FieldError("Username", "That username is taken.")], false),
            CreateUserConflict.LookAlike => (null, [new FieldError("Username", "That username looks too much like an existing one. Choose another.")], false),
            CreateUserConflict.Email => (null, [new FieldError("Email", "An account with that email already exists.")], true),
            _ => (id!.Value, [], false),
        };
    }

    /// <summary>The user id when the login (username or email) and password match; null otherwise, in about the same time.</summary>
    public async Task<long?> CheckPasswordAsync(string login, string password, CancellationToken ct)
    {
        var found = await users.FindCredentialsAsync(login.Trim(), ct);
        if (found is null)
        {
            hasher.Verify(unknownAccountHash ??= hasher.Hash(SecretTokens.New()), password);
            return null;
        }
        return hasher.Verify(found.PasswordHash, password) ? found.Id : null;
    }

    /// <summary>Changes the password when the current one is right, and ends every session of the member.</summary>
    public async Task<Outcome<bool>> ChangePasswordAsync(long userId, string currentPassword, string newPassword, CancellationToken ct)
    {
        var hash = await users.PasswordHashAsync(userId, ct);
        if (hash is null || !hasher.Verify(hash, currentPassword))
            return Outcome<bool>.Refused(new FieldError("CurrentPassword", "Your current password is not right."));
        var errors = AccountRules.CheckPassword(newPassword, "NewPassword").ToList();
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        if (!await users.SetPasswordHashAsync(userId, hasher.Hash(newPassword), ct))
            return Outcome<bool>.Refused(new FieldError("", "That member no longer exists."));
        await sessions.EndAllAsync(userId, ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> UpdateProfileAsync(ProfileUpdate update, CancellationToken ct)
    {
        var errors = AccountRules.CheckProfile(update).ToList();
        var timeZone = await zones.CanonicalAsync(update.TimeZone, ct);
        if (timeZone is null) errors.Add(new FieldError("TimeZone", "Unknown time zone."));
        if (errors.Count > 0) return Outcome<bool>.Refused(errors);
        return Outcome<bool>.Ok(await users.UpdateProfileAsync(update with { TimeZone = timeZone! }, ct));
    }

    /// <summary>The member's colour scheme, by its name (system, light or dark).</summary>
    public async Task<Outcome<bool>> SetThemeAsync(long userId, string? theme, CancellationToken ct) =>
        ColorThemes.TryParse(theme, out var parsed)
            ? Outcome<bool>.Ok(await users.SetThemeAsync(userId, parsed, ct))
            : Outcome<bool>.Refused(new FieldError("Theme", "Choose a theme from the list."));

    // A refused value is echoed in the message; a hostile one must not fill the page.
    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
