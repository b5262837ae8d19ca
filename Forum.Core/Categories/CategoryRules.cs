using System.Text.RegularExpressions;
using Forum.Core.Topics;

namespace Forum.Core.Categories;

public static partial class CategoryRules
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();

    [GeneratedRegex("^[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorShape();

    /// <summary>
    /// Tidies what an admin typed: an empty slug is derived from the name, and a colour may come with a
    /// leading '#' as colour pickers write it.
    /// </summary>
    public static CategoryInput Normalize(CategoryInput input)
    {
        var name = input.Name.Trim();
        var slug = input.Slug.Trim();
        return input with
        {
            Name = name,
            Slug = slug.Length == 0 ? Slug.For(name) : slug,
            Description = input.Description.Trim(),
            Color = input.Color.Trim().TrimStart('#').ToUpperInvariant(),
        };
    }

    public static IEnumerable<FieldError> Check(CategoryInput input)
    {
        if (input.Name.Trim().Length is < 1 or > 50) yield return new("Name", "Name must be {0} to {1} characters long.", 1, 50);
        if (input.Slug.Length is < 1 or > 50 || !SlugShape().IsMatch(input.Slug))
            yield return new("Slug", "Slug may contain only lowercase letters, digits and single dashes.");
        if (!ColorShape().IsMatch(input.Color)) yield return new("Color", "Colour must be six hexadecimal digits, like 0088CC.");
        if (input.Description.Length > 1000) yield return new("Description", "Description must be at most {0} characters long.", 1000);
    }
}
