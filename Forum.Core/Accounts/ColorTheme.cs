namespace Forum.Core.Accounts;

/// <summary>The colour scheme a member reads the forum in; <see cref="System"/> follows the device's setting.</summary>
public enum ColorTheme { System, Light, Dark }

public static class ColorThemes
{
    /// <summary>The stored and submitted name: system, light or dark.</summary>
    public static string NameOf(ColorTheme theme) => theme switch
    {
        ColorTheme.Light => "light",
        ColorTheme.Dark => "dark",
        _ => "system",
    };

    public static bool TryParse(string? name, out ColorTheme theme)
    {
        theme = name switch { "system" => ColorTheme.System, "light" => ColorTheme.Light, "dark" => ColorTheme.Dark, _ => (ColorTheme)(-1) };
        return Enum.IsDefined(theme);
    }
}
