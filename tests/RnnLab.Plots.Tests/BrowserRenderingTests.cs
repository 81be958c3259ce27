using System.Globalization;
using System.Text.RegularExpressions;
using RnnLab.Testing;

namespace RnnLab.Plots.Tests;

/// <summary>
/// Opens nbconvert's HTML export in headless Chromium and checks that every chart image decodes
/// at its size and is not blank. The check script is added to a copy of the page for the test
/// only; our output itself never contains scripts.
/// </summary>
public partial class BrowserRenderingTests
{
    // Draws each data-URI SVG image into a canvas (same-origin, so readable) and reports its
    // decoded size and how many pixels are not near-white, plus how many distinct colours.
    private const string CheckScript = """
        <script>
        window.addEventListener('load', () => {
          const lines = [];
          for (const img of document.images) {
            if (!img.src.startsWith('data:image/svg+xml')) continue;
            const canvas = document.createElement('canvas');
            canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
            let ink = 0; const colours = new Set();
            if (img.complete && img.naturalWidth > 0) {
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235) ink++;
                colours.add((d[i] >> 4) * 256 + (d[i + 1] >> 4) * 16 + (d[i + 2] >> 4));
              }
            }
            lines.push(`chart ${img.naturalWidth} ${img.naturalHeight} ${ink} ${colours.size}`);
          }
          const out = document.createElement('pre');
          out.id = 'chart-check';
          out.textContent = lines.join('\n');
          document.body.appendChild(out);
        });
        </script>
        """;

    [GeneratedRegex(@"\bchart (\d+) (\d+) (\d+) (\d+)\b")]
    private static partial Regex CheckLine();

    [Fact]
    public void EveryChartInTheNbconvertHtml_DecodesAndIsNotBlank()
    {
        Requires.Tool(NotebookExport.NbconvertAvailable(), "jupyter nbconvert", "apt-get install jupyter-nbconvert");
        Requires.Tool(Requires.CommandExists(HeadlessChromium.Path), "Chromium", "apt-get install chromium");
        string dir = TestPaths.NewTempDirectory("browser");
        var charts = DisplayedCharts.All();
        string exported = NotebookExport.ExportHtml(charts, dir);
        string page = File.ReadAllText(exported);
        int end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        Assert.True(end > 0, "nbconvert HTML has no </body>");
        string checkedPage = Path.Combine(dir, "charts-checked.html");
        File.WriteAllText(checkedPage, page[..end] + CheckScript + page[end..]);

        string dom = HeadlessChromium.DumpDom(checkedPage);
        var results = CheckLine().Matches(dom)
            .Select(m => m.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        Assert.Equal(charts.Count, results.Count);
        for (int i = 0; i < charts.Count; i++)
        {
            var (name, _, width, height) = charts[i];
            int[] r = results[i];
            Assert.True(r[0] == width && r[1] == height, $"{name}: decoded as {r[0]}x{r[1]}, expected {width}x{height}");
            // Labels and data: at least 0.2% of pixels carry ink (a blank image has none; the sparsest
            // sample, three markers on plotly.js's white default look, has about 0.4%), in several colours.
            Assert.True(r[2] > width * height / 500, $"{name}: only {r[2]} non-white pixels — blank?");
            Assert.True(r[3] >= 4, $"{name}: only {r[3]} distinct colours");
        }
        Directory.Delete(dir, recursive: true);
    }
}
