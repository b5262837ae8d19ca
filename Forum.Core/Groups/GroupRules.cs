using System.Text.RegularExpressions;

namespace Forum.Core.Groups;

public static partial class GroupRules
{
    public const int NameMin = 2, NameMax = 50;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NameCharacters();

    public static IEnumerable<FieldError> CheckName(string name)
    {
        if (name.Length is < NameMin or > NameMax)
            yield return new("Name", "Group name must be {0} to {1} characters long.", NameMin, NameMax);
        else if (!NameCharacters().IsMatch(name))
            yield return new("Name", "Group name may contain only letters, digits, underscore and dash.");
    }
}
