using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RnnLab.Testing;

namespace RnnLab.Plots.Tests;

/// <summary>Our bundle survives Debian's nbconvert 6.5.3 HTML export as an &lt;img&gt; of the SVG.</summary>
public partial class NbconvertExportTests
{
    [GeneratedRegex("<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex SvgImage();

    [Fact]
    public void EveryChart_IsInTheExportedHtml_AsItsOwnSvgImage()
    {
        Requires.Tool(NotebookExport.NbconvertAvailable(), "jupyter nbconvert", "apt-get install jupyter-nbconvert");
        string dir = TestPaths.NewTempDirectory("nbconvert");
        var charts = DisplayedCharts.All();
        string html = File.ReadAllText(NotebookExport.ExportHtml(charts, dir));

        var images = SvgImage().Matches(html).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))).ToList();
        Assert.Equal(charts.Count, images.Count);
        for (int i = 0; i < charts.Count; i++)
        {
            Assert.Equal(charts[i].Bundle["image/svg+xml"], images[i]);
            XDocument.Parse(images[i]);
        }
        // text/html won over image/svg+xml, which this nbconvert would have emptied.
        Assert.DoesNotContain("<svg width=\"700\" height=\"450\"></svg>", html, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
