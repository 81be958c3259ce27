using System.Text;
using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Output;

/// <summary>A standalone HTML page holding the chart's SVG inline: no scripts, no external resources.</summary>
internal static class HtmlPage
{
    public static string Standalone(GenericChart chart)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        html.Append(SvgBuilder.Escape(chart.Layout.Title ?? "Chart"));
        html.Append("</title>\n</head>\n<body>\n");
        string svg = chart.ToSvg();
        // Inline SVG in HTML must not carry the XML declaration.
        html.Append(svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg);
        html.Append("\n</body>\n</html>\n");
        return html.ToString();
    }
}
