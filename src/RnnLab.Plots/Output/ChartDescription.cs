using System.Globalization;
using System.Text;

namespace RnnLab.Plots.Output;

/// <summary>Words for a chart: the text/plain summary and the image's alt text.</summary>
internal static class ChartDescription
{
    /// <summary><c>Chart: "Loss" — 2 traces (line, 100 points; markers, 20 points)</c>.</summary>
    public static string Summary(GenericChart chart)
    {
        var text = new StringBuilder("Chart: ");
        text.Append(chart.Layout.Title is { } title ? $"\"{title}\"" : "untitled");
        text.Append(" — ");
        if (chart.Layout.Grid is { } grid)
            text.Append(CultureInfo.InvariantCulture, $"{grid.Rows}x{grid.Columns} grid, ");
        int count = chart.Traces.Length;
        text.Append(CultureInfo.InvariantCulture, $"{count} trace{(count == 1 ? "" : "s")} (");
        text.AppendJoin("; ", chart.Traces.Select(TraceSummary));
        text.Append(')');
        return text.ToString();
    }

    /// <summary>Alt text naming the title, every trace and the axis titles.</summary>
    public static string AltText(GenericChart chart)
    {
        var text = new StringBuilder();
        text.Append(chart.Layout.Title is { } title ? $"Chart \"{title}\"" : "Chart");
        text.Append(": ");
        text.AppendJoin("; ", chart.Traces.Select((t, i) =>
            $"{t.KindLabel} \"{t.Name ?? $"trace {i}"}\" ({PointCount(t)})"));
        text.Append('.');
        foreach (var (id, axis) in chart.Layout.XAxes)
            if (axis.Title is not null) text.Append(CultureInfo.InvariantCulture, $" X axis{(id == 1 ? "" : " " + id)}: {axis.Title}{LogSuffix(axis)}.");
        foreach (var (id, axis) in chart.Layout.YAxes)
            if (axis.Title is not null) text.Append(CultureInfo.InvariantCulture, $" Y axis{(id == 1 ? "" : " " + id)}: {axis.Title}{LogSuffix(axis)}.");
        return text.ToString();
    }

    private static string TraceSummary(Trace trace) =>
        trace.Name is null ? $"{trace.KindLabel}, {PointCount(trace)}" : $"{trace.KindLabel} \"{trace.Name}\", {PointCount(trace)}";

    private static string PointCount(Trace trace) => trace.Type == TraceType.Heatmap
        ? string.Create(CultureInfo.InvariantCulture, $"{trace.Z!.Length}x{trace.Z[0].Length} cells")
        : string.Create(CultureInfo.InvariantCulture, $"{trace.PointCount} point{(trace.PointCount == 1 ? "" : "s")}");

    private static string LogSuffix(Axis axis) => axis.Type == AxisType.Log ? " (log scale)" : "";
}
