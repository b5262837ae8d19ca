using Forum.Core.Mail;
using Microsoft.Extensions.Options;

namespace Forum.Web.Mail;

public static class MailSetup
{
    /// <summary>SMTP when Smtp:Host is configured, else the pickup folder admins read at /admin/mail.</summary>
    public static IServiceCollection AddForumMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp");
        services.AddSingleton<MimeBuilder>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<PickupFolderMailer>();
        services.AddSingleton<IMailer>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SmtpOptions>>().Value.Host)
            ? sp.GetRequiredService<PickupFolderMailer>()
            : sp.GetRequiredService<SmtpMailer>());
        return services;
    }
}
