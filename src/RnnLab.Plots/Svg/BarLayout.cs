using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Where each bar of a subplot goes, as plotly.js's barmode places them: "group" (default) puts
/// the traces side by side within (1 − bargap) of a slot, "overlay" on top of each other,
/// "stack"/"relative" on each other's ends. A slot is the smallest gap between positions
/// (1 on a category axis). Positions are in key-axis scale units, ends in data units.
/// </summary>
internal sealed class BarLayout
{
    public readonly record struct Bar(int Point, double Center, double HalfWidth, double Base, double End);

    private readonly Dictionary<int, List<Bar>> _bars = [];

    /// <summary>Width of one slot, in key-axis scale units.</summary>
    public double Slot { get; private init; } = 1;

    public IReadOnlyList<Bar> BarsOf(FigureTrace trace) => _bars.GetValueOrDefault(trace.Index) ?? [];

    public static (AxisFrame Key, AxisFrame Value) Axes(FigureTrace trace, AxisFrame x, AxisFrame y) =>
        trace.IsHorizontal ? (y, x) : (x, y);

    /// <summary>Lays out the bar traces of one subplot that grow the same way.</summary>
    public static BarLayout Compute(IReadOnlyList<FigureTrace> traces, AxisFrame x, AxisFrame y, StyleChain layout)
    {
        if (traces.Count == 0) return new BarLayout();
        var positions = new List<double>();
        foreach (var trace in traces)
        {
            var (key, _) = Axes(trace, x, y);
            var keys = trace.IsHorizontal ? trace.Y! : trace.X!;
            for (int i = 0; i < keys.Count; i++) positions.Add(key.ToScale(keys, i));
        }
        var distinct = positions.Where(double.IsFinite).Distinct().Order().ToArray();
        double slot = double.PositiveInfinity;
        for (int i = 1; i < distinct.Length; i++) slot = Math.Min(slot, distinct[i] - distinct[i - 1]);
        if (!double.IsFinite(slot) || slot <= 0) slot = 1;

        string mode = layout.String("barmode") ?? "group";
        double gap = layout.Number("bargap") ?? 0.2, groupGap = layout.Number("bargroupgap") ?? 0;
        double filled = slot * (1 - gap);
        var result = new BarLayout { Slot = slot };
        var positiveEnds = new Dictionary<double, double>();
        var negativeEnds = new Dictionary<double, double>();
        for (int t = 0; t < traces.Count; t++)
        {
            var trace = traces[t];
            var (key, _) = Axes(trace, x, y);
            var keys = trace.IsHorizontal ? trace.Y! : trace.X!;
            var values = trace.IsHorizontal ? trace.X! : trace.Y!;
            double width = filled, offset = 0;
            if (mode == "group")
            {
                width = filled / traces.Count;
                offset = -filled / 2 + (t + 0.5) * width;
                width *= 1 - groupGap;
            }
            if (trace.Style.Number("width") is { } given && given > 0) width = given;
            var bars = new List<Bar>();
            for (int i = 0; i < Math.Min(keys.Count, values.Count); i++)
            {
                double center = key.ToScale(keys, i), value = values.Numbers[i];
                if (double.IsNaN(center) || !double.IsFinite(value)) continue;
                double start = 0;
                if (mode is "stack" or "relative")
                {
                    var ends = mode == "relative" && value < 0 ? negativeEnds : positiveEnds;
                    start = ends.GetValueOrDefault(center);
                    ends[center] = start + value;
                }
                bars.Add(new Bar(i, center + offset, width / 2, start, start + value));
            }
            result._bars[trace.Index] = bars;
        }
        return result;
    }
}
