using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Each axis' range: the figure's own <c>range</c> (in plotly.js's range units: log10 on a log
/// axis, index on a category axis), else plotly.js's autorange over the traces and shapes on it,
/// with <c>autorange: "reversed"</c> flipping it. Scatter values on y are padded by 5% of the
/// axis, on x only when markers are drawn; bars include zero; heatmaps span their cell edges.
/// </summary>
internal static class AxisRanges
{
    public static void Compute(Figure figure, IReadOnlyDictionary<AxisId, AxisFrame> axes, IReadOnlyList<FigureTrace> plotted,
        IReadOnlyList<SubplotFrame> subplots)
    {
        var bars = BarLayouts(figure, plotted, subplots);
        foreach (var axis in axes.Values)
        {
            var autorange = axis.Style.Find("autorange");
            bool reversed = autorange.AsString() == "reversed";
            if (autorange.AsBool() != true && !reversed && Given(axis) is { } given)
            {
                (axis.R0, axis.R1) = given;
                continue;
            }
            var range = new AutoRange();
            foreach (var trace in plotted.Where(t => (axis.IsX ? t.XAxis : t.YAxis) == axis.Id))
                AddTrace(range, axis, trace, bars);
            AddShapes(range, figure, axis);
            var (low, high) = range.Compute(axis.Length) ?? (-1, axis.IsX ? 6 : 4);
            switch (axis.Style.String("rangemode"))
            {
                case "tozero" when axis.Kind == ScaleKind.Linear:
                    (low, high) = (Math.Min(low, 0), Math.Max(high, 0));
                    break;
                case "nonnegative" when axis.Kind == ScaleKind.Linear:
                    (low, high) = (Math.Max(low, 0), Math.Max(high, 1));
                    break;
            }
            (axis.R0, axis.R1) = reversed ? (high, low) : (low, high);
        }
    }

    /// <summary>Bar placement per subplot and direction, keyed by trace index.</summary>
    public static Dictionary<int, BarLayout> BarLayouts(Figure figure, IReadOnlyList<FigureTrace> plotted, IReadOnlyList<SubplotFrame> subplots)
    {
        var result = new Dictionary<int, BarLayout>();
        foreach (var plot in subplots)
            foreach (bool horizontal in new[] { false, true })
            {
                var group = plotted.Where(t => t.IsBar && t.IsHorizontal == horizontal && t.XAxis == plot.X.Id && t.YAxis == plot.Y.Id).ToList();
                if (group.Count == 0) continue;
                var layout = BarLayout.Compute(group, plot.X, plot.Y, figure.Layout);
                foreach (var trace in group) result[trace.Index] = layout;
            }
        return result;
    }

    private static (double, double)? Given(AxisFrame axis)
    {
        if (axis.Style.Find("range") is not { ValueKind: JsonValueKind.Array } range || range.GetArrayLength() != 2) return null;
        // A log axis' range is already in log10 units; a category axis' in indices (or category names).
        double r0 = axis.Kind == ScaleKind.Log ? JsonValues.ToDouble(range[0]) : axis.PositionToScale(range[0]);
        double r1 = axis.Kind == ScaleKind.Log ? JsonValues.ToDouble(range[1]) : axis.PositionToScale(range[1]);
        return double.IsFinite(r0) && double.IsFinite(r1) && r0 != r1 ? (r0, r1) : null;
    }

    private static void AddTrace(AutoRange range, AxisFrame axis, FigureTrace trace, Dictionary<int, BarLayout> bars)
    {
        if (trace.IsHeatmap)
        {
            var edges = HeatmapPainter.Edges(trace, axis).Where(double.IsFinite).ToArray();
            if (edges.Length > 0) range.Add(edges.Min(), edges.Max(), 0, padded: false, toZero: false, axis.Length);
            return;
        }
        if (trace.IsBar && bars.TryGetValue(trace.Index, out var layout))
        {
            bool keyAxis = trace.IsHorizontal != axis.IsX;
            var placed = layout.BarsOf(trace);
            if (placed.Count == 0) return;
            if (keyAxis)
            {
                // Whole slots: a category axis runs from −0.5 to n − 0.5.
                double half = layout.Slot / 2;
                range.Add(placed.Min(b => b.Center) - half, placed.Max(b => b.Center) + half, 0, false, false, axis.Length);
                return;
            }
            var ends = placed.SelectMany(b => new[] { b.Base, b.End }).Select(axis.ToScale).Where(double.IsFinite).ToArray();
            if (ends.Length > 0) range.Add(ends.Min(), ends.Max(), 0, padded: true, toZero: axis.Kind == ScaleKind.Linear, axis.Length);
            return;
        }
        var values = axis.IsX ? trace.X! : trace.Y!;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < values.Count; i++)
        {
            double s = axis.ToScale(values, i);
            if (double.IsNaN(s)) continue;
            if (s < low) low = s;
            if (s > high) high = s;
        }
        // Markers reach past their centre (plotly.js: size / 1.6, at least 3 px); lines alone do not pad x.
        double markerPad = trace.HasMarkers ? Math.Max((trace.Style.Number("marker.size") ?? 6) / 1.6, 3) : 0;
        range.Add(low, high, markerPad, padded: !axis.IsX || trace.HasMarkers, toZero: false, axis.Length);
    }

    private static void AddShapes(AutoRange range, Figure figure, AxisFrame axis)
    {
        if (figure.Layout.Own.Member("shapes") is not { ValueKind: JsonValueKind.Array } shapes) return;
        char letter = axis.Id.Letter;
        foreach (var shape in shapes.EnumerateArray())
        {
            JsonElement? s = shape;
            if ((s.Member(letter + "ref").AsString() ?? letter.ToString()) != axis.Id.Ref || s.Member("path") is not null) continue;
            double a = axis.PositionToScale(s.Member(letter + "0")), b = axis.PositionToScale(s.Member(letter + "1"));
            if (double.IsFinite(a) && double.IsFinite(b)) range.Add(Math.Min(a, b), Math.Max(a, b), 0, false, false, axis.Length);
        }
    }
}
