namespace Forum.Core.Topics;

public static class TopicRules
{
    public const int TitleMin = 15, TitleMax = 255, BodyMin = 20, BodyMax = 32_000, ReplyMin = 1;

    public static IEnumerable<FieldError> CheckTitle(string title)
    {
        if (title.Length is < TitleMin or > TitleMax)
            yield return new("Title", "Title must be {0} to {1} characters long.", TitleMin, TitleMax);
    }

    public static IEnumerable<FieldError> CheckBody(string raw, int min)
    {
        if (raw.Length < min || raw.Length > BodyMax)
            yield return new("Raw", "Post must be {0} to {1} characters long.", min, BodyMax);
    }
}
