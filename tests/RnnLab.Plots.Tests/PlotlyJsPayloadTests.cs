using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RnnLab.Plots.Tests;

/// <summary>
/// The interactive half of the bundle: each fixture's <c>application/vnd.plotly.v1+json</c>
/// payload (template trimmed) is handed to real plotly.js in headless Chromium, from a local file
/// (no network), and must draw every trace. A page script writes what plotly.js drew into the
/// DOM, which Chromium dumps. plotly.js is a test-only npm package pinned in PlotlyJs/.
/// </summary>
public partial class PlotlyJsPayloadTests
{
    private const string InstallCommand = "npm ci --prefix tests/RnnLab.Plots.Tests/PlotlyJs";

    // For every figure: traces plotly.js knows, trace groups it drew, and drawn marks (non-empty paths, images, rects).
    private const string CheckScript = """
        Promise.all(figures.map((f, i) => Plotly.newPlot('figure' + i, f.figure.data, f.figure.layout, {staticPlot: true})
          .then(gd => {
            const drawn = gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace, .heatmaplayer .hm, .imagelayer .hm').length;
            let marks = 0;
            gd.querySelectorAll('.plot path, .plot image, .plot rect').forEach(e => {
              const d = e.getAttribute('d');
              if (e.tagName !== 'path' || (d && d.length > 4 && d !== 'M0,0Z')) marks++;
            });
            return `figure ${f.name} ${gd._fullData.length} ${drawn} ${marks}`;
          })
          .catch(e => `figure ${f.name} failed: ${e}`)))
          .then(lines => {
            const out = document.createElement('pre');
            out.id = 'plotly-check';
            out.textContent = lines.join('\n');
            document.body.appendChild(out);
          });
        """;

    [GeneratedRegex(@"figure (\S+) (\d+) (\d+) (\d+)")]
    private static partial Regex ResultLine();

    [Fact]
    public void EveryFixturePayload_DrawsAllItsTraces_InPlotlyJs()
    {
        Requires.Tool(Requires.CommandExists(HeadlessChromium.Path), "Chromium", "apt-get install chromium");
        Requires.Tool(File.Exists(TestPaths.PlotlyJs), "plotly.js (test-only npm package)", InstallCommand);
        string dir = TestPaths.NewTempDirectory("plotlyjs");
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><script src=\"")
            .Append(new Uri(TestPaths.PlotlyJs).AbsoluteUri).Append("\"></script></head><body>\n");
        var expected = new Dictionary<string, int>();
        var figures = new StringBuilder("const figures = [");
        for (int i = 0; i < FigureFixtures.Names.Count; i++)
        {
            string name = FigureFixtures.Names[i];
            string payload = PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json(name))[PlotlyFigureDisplay.PlotlyMimeType];
            using (var figure = JsonDocument.Parse(payload)) expected[name] = figure.RootElement.GetProperty("data").GetArrayLength();
            page.Append(CultureInfo.InvariantCulture, $"<div id=\"figure{i}\" style=\"width:600px;height:600px\"></div>\n");
            // JSON is a JavaScript literal; only "</" could end the script element early.
            figures.Append(CultureInfo.InvariantCulture, $"{{\"name\": \"{name}\", \"figure\": {payload.Replace("</", "<\\/", StringComparison.Ordinal)}}},\n");
        }
        figures.Append("];\n");
        page.Append("<script>\n").Append(figures).Append(CheckScript).Append("\n</script>\n</body></html>\n");
        string path = Path.Combine(dir, "plotly-payloads.html");
        File.WriteAllText(path, page.ToString());

        string dom = HeadlessChromium.DumpDom(path);
        int start = dom.IndexOf("<pre id=\"plotly-check\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the check script wrote no results: did plotly.js load?");
        string report = dom[start..dom.IndexOf("</pre>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("failed:", report, StringComparison.Ordinal);
        var results = ResultLine().Matches(report).ToDictionary(m => m.Groups[1].Value,
            m => (Traces: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Drawn: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                  Marks: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(FigureFixtures.Names.Order(), results.Keys.Order());
        foreach (var (name, traces) in expected)
        {
            var r = results[name];
            Assert.True(r.Traces == traces && r.Drawn == traces, $"{name}: plotly.js has {r.Traces} traces and drew {r.Drawn}; the figure has {traces}");
            Assert.True(r.Marks > 0, $"{name}: plotly.js drew nothing");
        }
        Directory.Delete(dir, recursive: true);
    }
}
