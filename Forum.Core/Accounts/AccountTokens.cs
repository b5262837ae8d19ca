namespace Forum.Core.Accounts;

public enum AccountTokenPurpose { PasswordReset, EmailConfirmation }

public interface IAccountTokenStore
{
    Task IssueAsync(string tokenId, long userId, AccountTokenPurpose purpose, string email, DateTime now, DateTime expiresAt, CancellationToken ct);

    /// <summary>Whether the link would work now: unused, unexpired, and sent to the member's current address.</summary>
    Task<bool> IsUsableAsync(string tokenId, AccountTokenPurpose purpose, DateTime now, CancellationToken ct);

    /// <summary>
    /// Uses a reset link and sets the new password in one statement (a link works once, even when clicked twice at
    /// the same moment); the address it was mailed to is confirmed by the same click. The member's id, or null.
    /// </summary>
    Task<long?> ResetPasswordAsync(string tokenId, string passwordHash, DateTime now, CancellationToken ct);

    /// <summary>Uses a confirmation link and confirms the address; the member's id, or null.</summary>
    Task<long?> ConfirmEmailAsync(string tokenId, DateTime now, CancellationToken ct);
}

/// <summary>A link to mail: the member it is for and the secret token that goes in its URL.</summary>
public sealed record IssuedLink(User Member, string Token);

/// <summary>Password reset and address confirmation by mailed link.</summary>
public sealed class AccountTokenService(IUserStore users, IAccountTokenStore tokens, IPasswordHasher hasher, SessionService sessions, TimeProvider clock)
{
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);

    /// <summary>A reset link for the member with this address, or null when nobody has it; callers say the same either way.</summary>
    public async Task<IssuedLink?> RequestPasswordResetAsync(string email, CancellationToken ct)
    {
        var member = await users.FindByEmailAsync(email.Trim(), ct);
        return member is null ? null : await IssueAsync(member, AccountTokenPurpose.PasswordReset, ResetLifetime, ct);
    }

    /// <summary>A confirmation link for the member's current address; null when it is already confirmed.</summary>
    public async Task<IssuedLink?> RequestEmailConfirmationAsync(long userId, CancellationToken ct)
    {
        var member = await users.FindByIdAsync(userId, ct);
        return member is null || member.EmailConfirmedAt is not null
            ? null
            : await IssueAsync(member, AccountTokenPurpose.EmailConfirmation, ConfirmationLifetime, ct);
    }

    public Task<bool> IsResetLinkUsableAsync(string token, CancellationToken ct) =>
        tokens.IsUsableAsync(SecretTokens.IdOf(token), AccountTokenPurpose.PasswordReset, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>Sets a new password through a reset link and ends every session, as a password change does.</summary>
    public async Task<Outcome<long>> ResetPasswordAsync(string token, string newPassword, CancellationToken ct)
    {
        var errors = AccountRules.CheckPassword(newPassword, "NewPassword").ToList();
        if (errors.Count > 0) return Outcome<long>.Refused(errors);
        var userId = await tokens.ResetPasswordAsync(SecretTokens.IdOf(token), hasher.Hash(newPassword), clock.GetUtcNow().UtcDateTime, ct);
        if (userId is not { } id) return Outcome<long>.Refused(new FieldError("", AccountRules.LinkUnusable));
        await sessions.EndAllAsync(id, ct);
        return Outcome<long>.Ok(id);
    }

    /// <summary>The member whose address the link confirmed, or null for a used, expired or unknown link.</summary>
    public Task<long?> ConfirmEmailAsync(string token, CancellationToken ct) =>
        tokens.ConfirmEmailAsync(SecretTokens.IdOf(token), clock.GetUtcNow().UtcDateTime, ct);

    private async Task<IssuedLink> IssueAsync(User member, AccountTokenPurpose purpose, TimeSpan lifetime, CancellationToken ct)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        await tokens.IssueAsync(SecretTokens.IdOf(token), member.Id, purpose, member.Email, now, now + lifetime, ct);
        return new IssuedLink(member, token);
    }
}
