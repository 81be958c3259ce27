using System.Globalization;
using System.Text;
using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Output;

/// <summary>
/// The display bundle a notebook kernel shows. The &lt;img&gt; with a data URI is what survives
/// nbconvert 6.5.3 (which strips SVG children), untrusted Notebook 6 (whose sanitizer keeps
/// img+data:) and GitHub; see reference/dotnet-interactive.md §3.4–3.5.
/// </summary>
internal static class MimeBundle
{
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    public static IReadOnlyDictionary<string, string> For(GenericChart chart)
    {
        string svg = chart.ToSvg();
        var bundle = new Dictionary<string, string>
        {
            ["text/plain"] = ChartDescription.Summary(chart),
            ["text/html"] = ImgTag(chart, svg),
            ["image/svg+xml"] = svg,
        };
        if (chart.IncludePlotlyJson) bundle[PlotlyMimeType] = chart.ToJson();
        return bundle;
    }

    /// <summary>
    /// &lt;img src="data:image/svg+xml;base64,..." alt="..." width=.. height=..&gt;. The style only lets a
    /// wide chart shrink to a narrow output area; where a sanitizer drops it the image keeps its size.
    /// </summary>
    public static string ImgTag(GenericChart chart, string svg)
    {
        var (width, height) = SvgRenderer.Size(chart);
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return string.Create(CultureInfo.InvariantCulture,
            $"<img src=\"data:image/svg+xml;base64,{base64}\" alt=\"{SvgBuilder.Escape(ChartDescription.AltText(chart))}\" width=\"{width}\" height=\"{height}\" style=\"max-width:100%;height:auto\">");
    }
}
