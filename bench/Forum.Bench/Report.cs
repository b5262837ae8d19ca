using System.Globalization;
using System.Text;

namespace Forum.Bench;

public static class Report
{
    public static string Markdown(int clients, int replies, TimeSpan interval, PageThroughputResult page, LiveFanOutResult live,
        (double PeakMiB, double CurrentMiB) idle, (double PeakMiB, double CurrentMiB) afterPages,
        (double PeakMiB, double CurrentMiB) connected, (double PeakMiB, double CurrentMiB) end)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"### Live replies: {clients} SignalR clients (WebSockets) on one topic, {replies} replies, one every {interval.TotalMilliseconds:F0} ms"));
        text.AppendLine();
        text.AppendLine("| Measure | p50 | p99 | max |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(Row("Push arrival after the reply POST was answered (ms)", live.FromResponseMs));
        text.AppendLine(Row("Push arrival after the reply POST was sent (ms)", live.FromRequestMs));
        text.AppendLine(Row("Reply POST round trip (ms)", live.ReplyPostMs));
        text.AppendLine();
        text.AppendLine("| Figure | Value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(Inv($"| Pushes delivered / expected | {live.Delivered} / {live.Expected} |"));
        text.AppendLine(Inv($"| Time to connect and watch {clients} clients | {live.ConnectSeconds:F1} s |"));
        text.AppendLine(Inv($"| Forum RSS after seeding | {idle.CurrentMiB:F0} MiB |"));
        text.AppendLine(Inv($"| Forum RSS with {clients} clients connected | {connected.CurrentMiB:F0} MiB |"));
        text.AppendLine(Inv($"| Forum RSS at the end (current) | {end.CurrentMiB:F0} MiB |"));
        text.AppendLine(Inv($"| Forum peak RSS (VmHWM) | {end.PeakMiB:F0} MiB |"));
        text.AppendLine();
        text.AppendLine(Inv($"### Topic page throughput: GET of a topic page showing {page.PostsOnPage} posts, guest, {page.Loops} concurrent loops for {page.Seconds:F0} s"));
        text.AppendLine();
        text.AppendLine("| Figure | Value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(Inv($"| Requests per second | {page.RequestsPerSecond:F0} |"));
        text.AppendLine(Inv($"| Requests (failed) | {page.Requests} ({page.Failures}) |"));
        text.AppendLine(Inv($"| Latency p50 / p99 / max | {Percentile(page.LatencyMs, 50):F1} / {Percentile(page.LatencyMs, 99):F1} / {Max(page.LatencyMs):F1} ms |"));
        text.AppendLine(Inv($"| Page size | {page.PageBytes / 1024.0:F1} KiB |"));
        text.AppendLine(Inv($"| Forum peak RSS after the page loops (VmHWM) | {afterPages.PeakMiB:F0} MiB |"));
        return text.ToString();
    }

    private static string Row(string name, IReadOnlyList<double> values) =>
        Inv($"| {name} | {Percentile(values, 50):F1} | {Percentile(values, 99):F1} | {Max(values):F1} |");

    /// <summary>Nearest-rank percentile; NaN when nothing was measured.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Max(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Max();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
