using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Forum.Web.Digests;

/// <summary>
/// The token in a digest's unsubscribe link: the member's id encrypted and signed with the forum's Data
/// Protection keys, valid for <see cref="Lifetime"/>. Nobody can forge one or read the id out of it.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Ronda.Digests.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string For(long userId) =>
        protector.Protect(userId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow() + Lifetime);

    /// <summary>The member's id, or null for a token that is expired, altered or not ours.</summary>
    public long? Read(string token)
    {
        try
        {
            return long.TryParse(protector.Unprotect(token, out _), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
