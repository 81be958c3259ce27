namespace RnnLab.Plots.Tests;

/// <summary>Debian's Chromium, headless, offline-minded, with a fresh profile per run.</summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM after the page's load handlers ran (virtual time lets them finish).</summary>
    public static string DumpDom(string htmlFile) => Run(["--virtual-time-budget=10000", "--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    public static void Screenshot(string htmlFile, string pngFile, int width, int height) =>
        Run([$"--screenshot={pngFile}", $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri]);

    private static string Run(IEnumerable<string> arguments)
    {
        string profile = TestPaths.NewTempDirectory("chromium-profile");
        try
        {
            var result = ExternalProcess.Run(Path,
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 $"--user-data-dir={profile}", .. arguments],
                TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, $"chromium failed ({result.ExitCode}): {result.StdErr}");
            return result.StdOut;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
