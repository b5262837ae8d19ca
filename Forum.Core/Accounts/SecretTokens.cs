using System.Security.Cryptography;
using System.Text;

namespace Forum.Core.Accounts;

/// <summary>
/// Random tokens handed to a browser or mailed in a link. The database keeps only <see cref="IdOf"/>, their
/// SHA-256: whoever reads the table cannot turn a row back into a working cookie or link.
/// </summary>
public static class SecretTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string IdOf(string token) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
