using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnLab.Kernel.Notebooks;
using RnnLab.Testing;

namespace Notebooks.Tests;

/// <summary>
/// Regression check (d): the executed notebooks, converted to HTML by nbconvert as a reader would
/// export them, show every chart in a real browser. A script added to the page draws each image on a
/// canvas and counts inked pixels; headless Chromium runs it and prints the DOM.
/// </summary>
public partial class BrowserChartTests
{
    private const string Chromium = "/usr/bin/chromium";

    private const string CheckScript = """
        <script>
        window.addEventListener('load', () => {
          const results = [...document.querySelectorAll('img')].map(img => {
            let inked = -1;
            try {
              const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
              const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height); g.drawImage(img, 0, 0);
              const d = g.getImageData(0, 0, c.width, c.height).data; inked = 0;
              for (let p = 0; p < d.length; p += 4) if (d[p] < 200 || d[p + 1] < 200 || d[p + 2] < 200) inked++;
            } catch (e) { inked = -2; }
            const r = img.getBoundingClientRect();
            return { complete: img.complete, w: img.naturalWidth, h: img.naturalHeight, shownW: r.width, shownH: r.height, inked, alt: img.alt };
          });
          const pre = document.createElement('pre'); pre.id = 'rnnlab-chart-check'; pre.textContent = JSON.stringify(results);
          document.body.appendChild(pre);
        });
        </script>
        """;

    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void EveryChart_IsVisible_InTheNbconvertHtml(string name)
    {
        JupyterEnvironment.RequireNbconvert();
        Requires.Tool(File.Exists(Chromium), "Chromium", "apt-get install chromium");
        int charts = CommittedNotebooks.Load(name)["cells"]!.AsArray().OfType<JsonObject>()
            .SelectMany(c => c["outputs"] as JsonArray ?? []).OfType<JsonObject>()
            .Count(o => o["data"] is JsonObject data && data.ContainsKey("image/svg+xml"));

        string folder = Directory.CreateTempSubdirectory("rnnlab-html-").FullName;
        var (exit, log) = JupyterEnvironment.Run("jupyter", ["nbconvert", "--to", "html", "--output-dir", folder, name], CommittedNotebooks.Folder, TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, $"nbconvert --to html failed on {name}:\n{log}");
        string html = File.ReadAllText(Path.Combine(folder, Path.ChangeExtension(name, ".html")));
        string page = Path.Combine(folder, "checked.html");
        File.WriteAllText(page, html.Replace("</body>", CheckScript + "</body>", StringComparison.Ordinal));

        var results = RenderAndReport(page, folder);
        Assert.Equal(charts, results.Count);
        foreach (var chart in results.OfType<JsonObject>())
        {
            string alt = (string?)chart["alt"] ?? "?";
            double width = (double)chart["w"]!, height = (double)chart["h"]!, inked = (double)chart["inked"]!;
            Assert.True((bool)chart["complete"]! && width > 0 && height > 0, $"{name}: chart did not decode: {alt}");
            Assert.True((double)chart["shownW"]! > 100 && (double)chart["shownH"]! > 100, $"{name}: chart is laid out too small to see: {alt}");
            Assert.True(inked >= 0, $"{name}: chart could not be drawn on a canvas: {alt}");
            double fraction = inked / (width * height);
            Assert.True(fraction is > 0.005 and < 0.9, $"{name}: chart looks blank or solid ({fraction:P1} inked): {alt}");
        }
    }

    private static JsonArray RenderAndReport(string page, string folder)
    {
        string profile = Path.Combine(folder, "chromium-profile");   // fresh: no state from earlier runs
        var info = new ProcessStartInfo(Chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri,
        ]);
        var (exit, dom) = ProcessOutput.Run(info, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"chromium failed:\n{dom}");
        var match = Report().Match(dom);
        Assert.True(match.Success, "the page's check script did not report (did the page load?)");
        return JsonNode.Parse(WebUtility.HtmlDecode(match.Groups[1].Value))!.AsArray();
    }

    [GeneratedRegex("<pre id=\"rnnlab-chart-check\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex Report();
}
