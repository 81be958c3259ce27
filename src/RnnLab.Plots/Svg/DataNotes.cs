using System.Globalization;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Values that cannot be drawn are never dropped silently: NaN and ±∞ leave gaps (as in plotly.js)
/// and values ≤ 0 on a log axis are hidden, and a note under the chart says how many.
/// </summary>
internal static class DataNotes
{
    public static void Add(IReadOnlyList<FigureTrace> plotted, IReadOnlyDictionary<AxisId, AxisFrame> axes, FigureNotes notes)
    {
        var hiddenOnLog = new SortedDictionary<AxisId, int>();
        foreach (var trace in plotted)
        {
            string name = $"\"{trace.DisplayName}\"";
            if (trace.IsHeatmap)
            {
                int cells = trace.Z!.Sum(row => row.Count(v => !double.IsFinite(v)));
                if (cells > 0) notes.Show($"{name}: {Count(cells, "NaN/infinite cell")} left blank");
                continue;
            }
            var x = axes[trace.XAxis];
            var y = axes[trace.YAxis];
            int n = Math.Min(trace.X!.Count, trace.Y!.Count), bad = 0;
            for (int i = 0; i < n; i++)
            {
                bool missing = Missing(x, trace.X, i) | Missing(y, trace.Y, i);
                if (missing) bad++;
                else
                {
                    if (x.Kind == ScaleKind.Log && trace.X.Numbers[i] <= 0) hiddenOnLog[x.Id] = hiddenOnLog.GetValueOrDefault(x.Id) + 1;
                    if (y.Kind == ScaleKind.Log && trace.Y.Numbers[i] <= 0) hiddenOnLog[y.Id] = hiddenOnLog.GetValueOrDefault(y.Id) + 1;
                }
            }
            if (bad > 0)
                notes.Show($"{name}: {Count(bad, "NaN/infinite point")} not drawn{(trace.HasLines ? " (gaps in the line)" : "")}");
        }
        foreach (var (axis, count) in hiddenOnLog)
            notes.Show(string.Create(CultureInfo.InvariantCulture, $"{axis.Ref} axis: {count} value{(count == 1 ? "" : "s")} ≤ 0 not shown on the log scale"));
    }

    /// <summary>A value with nothing to draw: not a number (on a numeric axis) or no label (on a category axis).</summary>
    private static bool Missing(AxisFrame axis, DataArray values, int i) =>
        axis.Kind == ScaleKind.Category ? values.Label(i) is null : !double.IsFinite(values.Numbers[i]);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
