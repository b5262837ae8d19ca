using Forum.Core.Uploads;

namespace Forum.Web.Uploads;

/// <summary>The Markdown a stored image goes into a post as, for the page handlers and the JSON endpoint alike.</summary>
public static class ComposerImages
{
    public const string FileField = "Image";

    /// <summary><c>![name](url)</c>, the name from the file's (brackets and line breaks left out), "image" if none.</summary>
    public static string Markdown(Upload upload, string? fileName)
    {
        var name = new string(Path.GetFileNameWithoutExtension(fileName ?? "")
            .Where(c => !char.IsControl(c) && c is not ('[' or ']' or '\\')).Take(80).ToArray()).Trim();
        return $"![{(name.Length == 0 ? "image" : name)}]({upload.Url})";
    }

    /// <summary>The text as typed with the image on a line of its own at the end.</summary>
    public static string Append(string raw, string markdown)
    {
        var text = raw.TrimEnd();
        return text.Length == 0 ? markdown + "\n" : text + "\n\n" + markdown + "\n";
    }
}
