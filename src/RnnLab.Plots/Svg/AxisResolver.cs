namespace RnnLab.Plots.Svg;

/// <summary>
/// Finds each axis' kind and automatic range from the traces on it, as plotly.js's autorange
/// does in spirit: lines span the data exactly along x, values get 5% padding, bars include
/// zero, heatmaps span their cell edges. Values a log axis cannot show are counted for a note.
/// </summary>
internal static class AxisResolver
{
    private const double Padding = 0.05;

    public static ResolvedAxis Resolve(char letter, int id, GenericChart chart, List<string> notes)
    {
        var style = letter == 'x' ? chart.Layout.XAxis(id) : chart.Layout.YAxis(id);
        var traces = chart.Traces.Where(t => (letter == 'x' ? t.XAxis : t.YAxis) == id).ToList();
        var columns = traces.Select(t => (Trace: t, Column: Column(t, letter))).ToList();

        bool anyText = columns.Any(c => c.Column?.IsCategorical == true);
        ScaleKind kind = style.Type switch
        {
            AxisType.Category => ScaleKind.Category,
            _ when anyText => ScaleKind.Category,
            AxisType.Log => ScaleKind.Log,
            _ => ScaleKind.Linear,
        };
        if (style.Type == AxisType.Log && anyText)
            notes.Add($"{AxisName(letter, id)}: text values, so shown as categories rather than a log scale");

        if (kind == ScaleKind.Category)
        {
            var categories = CategoriesOf(columns, letter);
            var (min, max) = style.Range is { } r ? (r.Min, r.Max) : (-0.5, Math.Max(0, categories.Count - 1) + 0.5);
            return new ResolvedAxis(letter, id, style, kind, min, max, categories);
        }

        // Maps data to scale units (log10 for log) before the range is known.
        var probe = new ResolvedAxis(letter, id, style, kind, 0, 1, []);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        bool padLow = false, padHigh = false;
        int hiddenOnLog = 0;
        foreach (var (trace, column) in columns)
        {
            var extent = Extent(trace, column, letter, probe, ref hiddenOnLog, out bool pad, out bool includesZero);
            if (extent is not { } e) continue;
            if (e.Lo < lo) { lo = e.Lo; padLow = pad && !(includesZero && e.Lo == 0); }
            if (e.Hi > hi) { hi = e.Hi; padHigh = pad && !(includesZero && e.Hi == 0); }
        }
        if (hiddenOnLog > 0)
            notes.Add($"{AxisName(letter, id)}: {hiddenOnLog} value{(hiddenOnLog == 1 ? "" : "s")} ≤ 0 not shown on the log scale");

        if (!double.IsFinite(lo)) (lo, hi, padLow, padHigh) = kind == ScaleKind.Log ? (0, 1, false, false) : (-1, 1, false, false);
        if (hi - lo <= Math.Abs(hi) * 1e-12 || hi == lo)
        {
            // All values equal (or a single point): open a window around them.
            double half = kind == ScaleKind.Log ? 0.5 : hi == 0 ? 1 : Math.Abs(hi) * 0.1;
            (lo, hi) = (lo - half, hi + half);
            padLow = padHigh = false;
        }
        double span = hi - lo;
        if (padLow) lo -= span * Padding;
        if (padHigh) hi += span * Padding;

        if (style.Range is { } range)
        {
            if (kind == ScaleKind.Log && range.Min <= 0)
                notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AxisName(letter, id)}: range ({range.Min:G4}, {range.Max:G4}) includes values ≤ 0, which a log scale cannot show; automatic range used"));
            else
                (lo, hi) = kind == ScaleKind.Log ? (Math.Log10(range.Min), Math.Log10(range.Max)) : (range.Min, range.Max);
        }
        return new ResolvedAxis(letter, id, style, kind, lo, hi, []);
    }

    private static string AxisName(char letter, int id) => id == 1 ? $"{letter} axis" : $"{letter}{id} axis";

    /// <summary>The column a trace puts on this axis; null for a heatmap without labels (indices).</summary>
    private static DataColumn? Column(Trace trace, char letter) => letter == 'x' ? trace.X : trace.Y;

    private static List<string> CategoriesOf(List<(Trace Trace, DataColumn? Column)> columns, char letter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var categories = new List<string>();
        foreach (var (trace, column) in columns)
        {
            IEnumerable<string> labels = column switch
            {
                { Categories: { } text } => text,
                { Numbers: { } numbers } => numbers.Select(ResolvedAxis.CategoryLabel),
                // A heatmap without labels on a text axis: its indices.
                _ => Enumerable.Range(0, HeatmapLength(trace, letter))
                        .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            foreach (string label in labels)
                if (seen.Add(label)) categories.Add(label);
        }
        return categories;
    }

    private static int HeatmapLength(Trace trace, char letter) =>
        trace.Z is null ? 0 : letter == 'x' ? trace.Z[0].Length : trace.Z.Length;

    /// <summary>A trace's extent on this axis in scale units, and whether it should be padded.</summary>
    private static (double Lo, double Hi)? Extent(Trace trace, DataColumn? column, char letter, ResolvedAxis axis,
        ref int hiddenOnLog, out bool pad, out bool includesZero)
    {
        includesZero = false;
        pad = false;
        if (trace.Type == TraceType.Heatmap)
        {
            double[] edges = HeatmapGeometry.Edges(column, letter == 'x' ? trace.Z![0].Length : trace.Z!.Length, axis);
            var finite = edges.Where(double.IsFinite).ToArray();
            return finite.Length == 0 ? null : (finite.Min(), finite.Max());
        }

        bool isValueAxis = trace.Type == TraceType.Bar
            ? (trace.Orientation == Orientation.Horizontal) == (letter == 'x')
            : letter == 'y';
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        var numbers = column!.Numbers!;
        foreach (double v in numbers)
        {
            double s = axis.ToScale(v);
            if (double.IsNaN(s))
            {
                if (axis.Kind == ScaleKind.Log && double.IsFinite(v)) hiddenOnLog++;
                continue;
            }
            if (s < lo) lo = s;
            if (s > hi) hi = s;
        }
        if (!double.IsFinite(lo)) return null;

        if (trace.Type == TraceType.Bar)
        {
            if (isValueAxis)
            {
                pad = true;
                if (axis.Kind == ScaleKind.Linear)
                {
                    includesZero = true;
                    lo = Math.Min(lo, 0);
                    hi = Math.Max(hi, 0);
                }
                return (lo, hi);
            }
            double half = BarGeometry.SlotWidth(column, axis) / 2;
            return (lo - half, hi + half);
        }
        pad = isValueAxis || trace.Mode != Mode.Lines;
        return (lo, hi);
    }
}
