namespace RnnLab.Plots.Svg;

/// <summary>The legend: to the right of the plots, one row per trace with a swatch of how it is drawn.</summary>
internal static class LegendRenderer
{
    private const double RowHeight = 20;
    private const double SwatchWidth = 30;
    private const int MaxNameChars = 28;

    /// <summary>Traces that get a legend row: not heatmaps (they have colour bars), not hidden by ShowLegend=false.</summary>
    public static List<(Trace Trace, int Index)> Entries(GenericChart chart) =>
        [.. chart.Traces.Select((t, i) => (t, i)).Where(e => e.t.Type != TraceType.Heatmap && e.t.ShowLegend != false)];

    /// <summary>Plotly's rule: shown when more than one trace would appear, or a trace asks for it.</summary>
    public static bool IsShown(GenericChart chart, List<(Trace Trace, int Index)> entries) =>
        chart.Layout.ShowLegend ?? (entries.Count > 1 || entries.Any(e => e.Trace.ShowLegend == true));

    public static double Width(List<(Trace Trace, int Index)> entries) =>
        entries.Count == 0 ? 0 : SwatchWidth + 16 + entries.Max(e => TextMetrics.Width(Name(e.Trace, e.Index), Theme.FontSize));

    /// <summary>Draws the rows that fit in <paramref name="height"/>; if some do not, the last row says how many are left out.</summary>
    public static void Draw(SvgBuilder svg, List<(Trace Trace, int Index)> entries, double left, double top, double height)
    {
        int fitting = Math.Max(1, (int)(height / RowHeight));
        int shown = entries.Count <= fitting ? entries.Count : fitting - 1;
        if (shown < entries.Count)
            svg.Raw("<text").Attr("x", left).Attr("y", top + RowHeight * shown + RowHeight / 2 + 4).Raw('>')
               .Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… {entries.Count - shown} more"))
               .Raw("</text>\n");
        for (int row = 0; row < shown; row++)
        {
            var (trace, index) = entries[row];
            double y = top + RowHeight * row + RowHeight / 2;
            if (trace.Type == TraceType.Bar)
            {
                TraceRenderer.Rect(svg, left + 9, y - 6, left + 21, y + 6);
                svg.Attr("fill", TraceStyle.MarkerColor(trace, index)).Raw("/>\n");
            }
            if (TraceStyle.HasLines(trace))
            {
                svg.Raw("<line").Attr("x1", left).Attr("y1", y).Attr("x2", left + SwatchWidth).Attr("y2", y)
                   .Attr("stroke", TraceStyle.LineColor(trace, index)).Attr("stroke-width", TraceStyle.LineWidth(trace));
                if (TraceStyle.DashArray(trace) is { } dash) svg.Attr("stroke-dasharray", dash);
                svg.Raw("/>\n");
            }
            if (TraceStyle.HasMarkers(trace))
                svg.Raw("<circle").Attr("cx", left + SwatchWidth / 2).Attr("cy", y).Attr("r", Math.Min(TraceStyle.MarkerSize(trace) / 2, 6))
                   .Attr("fill", TraceStyle.MarkerColor(trace, index)).Raw("/>\n");
            svg.Raw("<text").Attr("x", left + SwatchWidth + 6).Attr("y", y + 4).Raw('>')
               .Text(Name(trace, index)).Raw("</text>\n");
        }
    }

    private static string Name(Trace trace, int index) => TextMetrics.Truncate(TraceStyle.DisplayName(trace, index), MaxNameChars);
}
