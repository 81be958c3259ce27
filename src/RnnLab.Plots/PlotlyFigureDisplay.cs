using System.Globalization;
using System.Text;
using RnnLab.Plots.Figures;
using RnnLab.Plots.Svg;

namespace RnnLab.Plots;

/// <summary>
/// Shows any Plotly figure (its JSON in the plotly.js schema, as Plotly.NET's
/// <c>GenericChart.toFigureJson</c> writes it) without a browser: a static SVG that follows the
/// figure's template, and the notebook display bundle. The same figure always gives the same
/// bytes. Input that is not a figure is rejected with an <see cref="ArgumentException"/> saying
/// what was wrong; parts of a valid figure that cannot be drawn are noted in the picture (data)
/// or in an SVG comment (settings), never thrown.
/// </summary>
public static class PlotlyFigureDisplay
{
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The figure as a standalone SVG document (presentation attributes only, no script, no CSS).</summary>
    public static string ToSvg(string figureJson)
    {
        using var figure = Figure.Parse(figureJson);
        return FigureRenderer.Render(figure);
    }

    /// <summary>
    /// The notebook display bundle of a figure: <c>text/plain</c> (title, trace count and kinds),
    /// <c>text/html</c> (an &lt;img&gt; of the SVG as a data URI with alt text: survives nbconvert,
    /// untrusted notebooks and GitHub), <c>image/svg+xml</c>, and <c>application/vnd.plotly.v1+json</c>
    /// (the figure, compact: see <see cref="ToCompactJson"/>) for frontends that render Plotly.
    /// No script, CDN, require.js or random id anywhere.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ToMimeBundle(string figureJson)
    {
        using var figure = Figure.Parse(figureJson);
        string svg = FigureRenderer.Render(figure);
        return new Dictionary<string, string>
        {
            ["text/plain"] = FigureDescription.Summary(figure),
            ["text/html"] = ImgTag(figure, svg),
            ["image/svg+xml"] = svg,
            [PlotlyMimeType] = CompactFigureJson.Write(figure),
        };
    }

    /// <summary>
    /// The figure JSON without whitespace, its template cut to the parts that change this figure's
    /// look (Plotly.NET's full template is about 9 KB per figure), so saved notebooks stay small
    /// while the interactive chart still looks like the static one.
    /// </summary>
    public static string ToCompactJson(string figureJson)
    {
        using var figure = Figure.Parse(figureJson);
        return CompactFigureJson.Write(figure);
    }

    /// <summary>One line: <c>Chart: "Loss" — 2 traces (line "train", 100 points; line "validation", 100 points)</c>.</summary>
    public static string Summary(string figureJson)
    {
        using var figure = Figure.Parse(figureJson);
        return FigureDescription.Summary(figure);
    }

    /// <summary>
    /// &lt;img src="data:image/svg+xml;base64,..." alt="..." width height&gt;. The style only lets a wide
    /// chart shrink to a narrow output area; where a sanitizer drops it the image keeps its size.
    /// </summary>
    private static string ImgTag(Figure figure, string svg)
    {
        var (width, height) = FigureRenderer.Size(figure);
        string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return string.Create(CultureInfo.InvariantCulture,
            $"<img src=\"data:image/svg+xml;base64,{base64}\" alt=\"{SvgBuilder.Escape(FigureDescription.AltText(figure))}\" width=\"{width}\" height=\"{height}\" style=\"max-width:100%;height:auto\">");
    }
}
