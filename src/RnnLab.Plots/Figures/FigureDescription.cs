using System.Globalization;
using System.Text;
using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Figures;

/// <summary>Words for a figure: the text/plain summary and the image's alt text (also the SVG's &lt;title&gt;).</summary>
internal static class FigureDescription
{
    /// <summary><c>Chart: "Loss" — 2 traces (line "train", 100 points; markers, 20 points)</c>.</summary>
    public static string Summary(Figure figure)
    {
        var text = new StringBuilder("Chart: ");
        text.Append(Title(figure) is { } title ? $"\"{title}\"" : "untitled");
        text.Append(" — ");
        if (GridDomains.From(figure.Layout) is { } grid)
            text.Append(CultureInfo.InvariantCulture, $"{grid.Rows}x{grid.Columns} grid, ");
        int count = figure.Traces.Count;
        text.Append(CultureInfo.InvariantCulture, $"{count} trace{(count == 1 ? "" : "s")}");
        if (count > 0)
        {
            text.Append(" (");
            text.AppendJoin("; ", figure.Traces.Select(t =>
                t.Name is null ? $"{t.KindLabel}, {Points(t)}" : $"{t.KindLabel} \"{RichText.Plain(t.Name)}\", {Points(t)}"));
            text.Append(')');
        }
        return text.ToString();
    }

    /// <summary>Alt text naming the title, every trace and the axis titles.</summary>
    public static string AltText(Figure figure)
    {
        var text = new StringBuilder();
        text.Append(Title(figure) is { } title ? $"Chart \"{title}\"" : "Chart");
        text.Append(": ");
        text.AppendJoin("; ", figure.Traces.Select(t => $"{t.KindLabel} \"{RichText.Plain(t.DisplayName)}\" ({Points(t)})"));
        text.Append('.');
        foreach (var id in figure.LayoutAxes())
        {
            var axis = figure.Axis(id);
            if (axis.TitleText() is not { Length: > 0 } axisTitle) continue;
            string number = id.Number == 1 ? "" : " " + id.Number.ToString(CultureInfo.InvariantCulture);
            string log = axis.String("type") == "log" ? " (log scale)" : "";
            text.Append(CultureInfo.InvariantCulture, $" {char.ToUpperInvariant(id.Letter)} axis{number}: {RichText.Plain(axisTitle)}{log}.");
        }
        return text.ToString();
    }

    private static string? Title(Figure figure) => figure.Layout.TitleText() is { Length: > 0 } t ? RichText.Plain(t) : null;

    private static string Points(FigureTrace trace) => trace.IsHeatmap
        ? string.Create(CultureInfo.InvariantCulture, $"{trace.Z?.Length ?? 0}x{HeatmapPainter.Columns(trace)} cells")
        : string.Create(CultureInfo.InvariantCulture, $"{trace.PointCount} point{(trace.PointCount == 1 ? "" : "s")}");
}
