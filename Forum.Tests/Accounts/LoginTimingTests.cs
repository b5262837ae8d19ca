using System.Diagnostics;
using System.Net;
using Forum.Tests.Infrastructure;

namespace Forum.Tests.Accounts;

/// <summary>A wrong login takes as long whether or not the account exists, so timing does not tell which names are members.</summary>
public sealed class LoginTimingTests(ForumApp forum) : IClassFixture<ForumApp>
{
    [Fact]
    public async Task A_wrong_password_and_an_unknown_account_take_the_same_time_within_half()
    {
        await forum.SetUpAsync("admin_timing");
        await forum.UserAsync("ines_timing");
        using var guest = forum.Session();
        var form = await guest.OpenAsync("/login");
        var token = form.Document.QuerySelector("form.account-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<double> AttemptAsync(string login)
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Login"] = login, ["Input.Password"] = "a-wrong-password",
            });
            var watch = Stopwatch.StartNew();
            var answer = await guest.Client.PostAsync("/login", body);
            watch.Stop();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        await AttemptAsync("ines_timing");   // warm-up: the first of each kind pays for compilation and pools
        await AttemptAsync("nobody_timing");
        var existing = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            existing.Add(await AttemptAsync("ines_timing"));
            unknown.Add(await AttemptAsync($"nobody_timing_{i}"));
        }

        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var (withAccount, withoutAccount) = (Median(existing), Median(unknown));
        var difference = Math.Abs(withAccount - withoutAccount) / Math.Max(withAccount, withoutAccount);
        // Without the dummy hash the gap is over 90 %; half leaves room for a loaded machine.
        Assert.True(difference < 0.50, $"Median {withAccount:F1} ms with an account, {withoutAccount:F1} ms without: {difference:P0} apart.");
    }
}
