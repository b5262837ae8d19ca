using Forum.Core.Accounts;

namespace Forum.Tests.Accounts;

public sealed class UsernameSkeletonTests
{
    [Theory]
    [InlineData("arnara.baobab", "amara.baobab")]
    [InlineData("AMARA.BAOBAB", "amara.baobab")]
    [InlineData("amara_baobab", "amara.baobab")]
    [InlineData("amara.ba0bab", "amara.baobab")]
    [InlineData("аmаrа.bаobаb", "amara.baobab")]
    [InlineData("amara.baοbab", "amara.baobab")]
    [InlineData("ａｍａｒａ.baobab", "amara.baobab")]
    [InlineData("ámara.baobab", "amara.baobab")]
    [InlineData("vvanjiru", "wanjiru")]
    [InlineData("Iucia", "lucia")]
    [InlineData("1ucia", "lucia")]
    [InlineData("adm1n", "admin")]
    public void Look_alike_names_share_a_skeleton(string lookAlike, string original) =>
        Assert.Equal(UsernameSkeleton.Of(original), UsernameSkeleton.Of(lookAlike));

    [Theory]
    [InlineData("amara.baobab", "amara.baobob")]
    [InlineData("ben.mycelium", "ken.mycelium")]
    [InlineData("kai.tidepool", "kai.tidepools")]
    public void Different_names_keep_different_skeletons(string one, string other) =>
        Assert.NotEqual(UsernameSkeleton.Of(one), UsernameSkeleton.Of(other));

    [Theory]
    [InlineData("lucia.trama.")]
    [InlineData("a..b")]
    [InlineData("_x")]
    [InlineData("x-")]
    [InlineData("moderator")]
    [InlineData("Adrnin")]
    public void Sign_up_refuses_stray_punctuation_and_reserved_names(string username) =>
        Assert.Single(AccountRules.CheckSignUp(username, "someone@example.org", "a-long-enough-password"));

    [Fact]
    public void The_forums_own_administrator_may_be_called_admin() =>
        Assert.Empty(AccountRules.CheckSignUp("admin", "admin@example.org", "a-long-enough-password", UserRole.Admin));
}
