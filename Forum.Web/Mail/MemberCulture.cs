using System.Globalization;

namespace Forum.Web.Mail;

/// <summary>Mail is written outside any request: this sets the member's language around the writing, then restores it.</summary>
public static class MemberCulture
{
    public static T Apply<T>(string locale, Func<T> write)
    {
        var previousCulture = CultureInfo.CurrentCulture;
        var previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(locale is "es" ? "es" : "en");
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }
}
