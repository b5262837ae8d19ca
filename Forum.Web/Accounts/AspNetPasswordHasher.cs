using Microsoft.AspNetCore.Identity;
using IForumPasswordHasher = Forum.Core.Accounts.IPasswordHasher;

namespace Forum.Web.Accounts;

public sealed class AspNetPasswordHasher : IForumPasswordHasher
{
    private static readonly object Subject = new();
    private readonly PasswordHasher<object> hasher = new();

    public string Hash(string password) => hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password) =>
        hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;
}
