namespace Forum.Core.Accounts;

/// <summary>Hashes passwords; Forum.Web implements it with ASP.NET Core's PasswordHasher.</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string hash, string password);
}
