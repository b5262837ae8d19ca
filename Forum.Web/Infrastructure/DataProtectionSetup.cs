using Forum.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Forum.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keys for sign-in cookies, antiforgery and the unsubscribe links in mail live in the data folder
    /// (<c>&lt;DataDirectory&gt;/keys</c>), so they survive restarts; several instances need that folder shared.
    /// </summary>
    public static IServiceCollection AddForumDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Ronda");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ForumOptions>, ILoggerFactory>((keys, forum, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(PrivateFolder(Path.Combine(Path.GetFullPath(forum.Value.DataDirectory), "keys")), logs));
        return services;
    }

    /// <summary>Whoever reads the keys can forge anyone's sign-in cookie: the folder is the forum's account's alone (0700).</summary>
    private static DirectoryInfo PrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return new DirectoryInfo(path);
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var folder = Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(path, OwnerOnly);
        return folder;
    }
}
