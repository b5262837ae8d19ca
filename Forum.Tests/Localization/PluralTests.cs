using System.Globalization;
using Forum.Web;
using Forum.Web.Infrastructure;
using Forum.Tests.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Forum.Tests.Localization;

/// <summary>Counted nouns take the singular for exactly one, in English and in Spanish, through the resource file.</summary>
public sealed class PluralTests(ForumApp forum) : IClassFixture<ForumApp>
{
    private string Say(string language, long count, string one, string other, params object[] arguments)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return forum.Get<IStringLocalizer<SharedResource>>().Plural(count, one, other, arguments);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Theory]
    [InlineData("en", 0, "0 replies")]
    [InlineData("en", 1, "1 reply")]
    [InlineData("en", 2, "2 replies")]
    [InlineData("en", 1234, "1,234 replies")]
    [InlineData("es", 0, "0 respuestas")]
    [InlineData("es", 1, "1 respuesta")]
    [InlineData("es", 2, "2 respuestas")]
    [InlineData("es", 1234, "1.234 respuestas")]
    public void A_count_of_replies_reads_right(string language, long count, string expected) =>
        Assert.Equal(expected, Say(language, count, "{0} reply", "{0} replies"));

    [Theory]
    [InlineData("en", 1, "@ana moved 1 reply to another topic")]
    [InlineData("en", 3, "@ana moved 3 replies to another topic")]
    [InlineData("es", 1, "@ana movió 1 respuesta a otro tema")]
    [InlineData("es", 3, "@ana movió 3 respuestas a otro tema")]
    public void A_count_among_other_arguments_picks_the_form_by_the_count(string language, long count, string expected) =>
        Assert.Equal(expected, Say(language, count, "{0} moved {1} reply to another topic", "{0} moved {1} replies to another topic", "@ana", count));

    [Theory]
    [InlineData("en", 1, "Slow mode: each member may post here once a minute.")]
    [InlineData("en", 5, "Slow mode: each member may post here once every 5 minutes.")]
    [InlineData("es", 1, "Modo lento: cada miembro puede publicar aquí una vez por minuto.")]
    [InlineData("es", 5, "Modo lento: cada miembro puede publicar aquí una vez cada 5 minutos.")]
    public void A_form_may_word_one_without_the_number(string language, long count, string expected) =>
        Assert.Equal(expected, Say(language, count, "Slow mode: each member may post here once a minute.",
            "Slow mode: each member may post here once every {0} minutes.", count));
}
