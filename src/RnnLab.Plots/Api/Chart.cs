using System.Collections;

namespace RnnLab.Plots;

/// <summary>
/// Chart constructors shaped like Plotly.NET's C# API: <c>Chart.Line(x, y, Name: "loss")</c>.
/// Optional arguments are PascalCase named parameters as in Plotly.NET; colours are CSS colour
/// strings ("red", "#1f77b4") instead of Plotly.NET's <c>Color</c> objects.
/// </summary>
public static partial class Chart
{
    /// <summary>A line through the points (Plotly scatter, mode "lines", or "lines+markers" with <paramref name="ShowMarkers"/>).</summary>
    public static GenericChart Line<TX, TY>(
        IEnumerable<TX> x, IEnumerable<TY> y,
        string? Name = null, bool? ShowMarkers = null, bool? ShowLegend = null,
        string? LineColor = null, double? LineWidth = null, DrawingStyle? LineDash = null,
        string? MarkerColor = null, double? MarkerSize = null, string? Color = null) =>
        Scatter(x, y, ShowMarkers == true ? Mode.Lines_Markers : Mode.Lines, Name, ShowLegend,
            LineColor, LineWidth, LineDash, MarkerColor, MarkerSize, Color);

    /// <summary>Unconnected points (Plotly scatter, mode "markers").</summary>
    public static GenericChart Point<TX, TY>(
        IEnumerable<TX> x, IEnumerable<TY> y,
        string? Name = null, bool? ShowLegend = null,
        string? MarkerColor = null, double? MarkerSize = null, string? Color = null) =>
        Scatter(x, y, Mode.Markers, Name, ShowLegend, MarkerColor: MarkerColor, MarkerSize: MarkerSize, Color: Color);

    /// <summary>A Plotly scatter trace with an explicit mode. <paramref name="Color"/> sets line and markers at once.</summary>
    public static GenericChart Scatter<TX, TY>(
        IEnumerable<TX> x, IEnumerable<TY> y, Mode mode,
        string? Name = null, bool? ShowLegend = null,
        string? LineColor = null, double? LineWidth = null, DrawingStyle? LineDash = null,
        string? MarkerColor = null, double? MarkerSize = null, string? Color = null)
    {
        var xs = DataColumn.From(x, nameof(x));
        var ys = DataColumn.From(y, nameof(y));
        if (ys.IsCategorical) throw new ArgumentException("y must be numbers; only x may be text (categories).", nameof(y));
        RequireSameLength(xs, ys);
        bool hasLines = mode != Mode.Markers;
        bool hasMarkers = mode != Mode.Lines;
        var trace = new Trace
        {
            Type = TraceType.Scatter,
            Mode = mode,
            X = xs,
            Y = ys,
            Name = Name,
            ShowLegend = ShowLegend,
            Line = hasLines && (LineColor ?? Color, LineWidth, LineDash) is not (null, null, null)
                ? new LineStyle(LineColor ?? Color, LineWidth, LineDash) : null,
            Marker = hasMarkers && (MarkerColor ?? Color, MarkerSize) is not (null, null)
                ? new MarkerStyle(MarkerColor ?? Color, MarkerSize) : null,
        };
        return Single(trace);
    }

    /// <summary>
    /// Horizontal bars, as in Plotly.NET (<c>Chart.Bar</c> is horizontal there; <see cref="Column{TV}"/>
    /// is vertical). Keys default to 0, 1, 2, ...
    /// </summary>
    public static GenericChart Bar<TV>(IEnumerable<TV> values,
        string? Name = null, bool? ShowLegend = null, string? MarkerColor = null, string? Color = null) =>
        Bars(values, null, Orientation.Horizontal, Name, ShowLegend, MarkerColor ?? Color);

    /// <summary>Horizontal bars with a key (category or number) per value.</summary>
    public static GenericChart Bar<TV, TK>(IEnumerable<TV> values, IEnumerable<TK> Keys,
        string? Name = null, bool? ShowLegend = null, string? MarkerColor = null, string? Color = null) =>
        Bars(values, DataColumn.From(Keys, nameof(Keys)), Orientation.Horizontal, Name, ShowLegend, MarkerColor ?? Color);

    /// <summary>Vertical bars (Plotly.NET's <c>Chart.Column</c>). Keys default to 0, 1, 2, ...</summary>
    public static GenericChart Column<TV>(IEnumerable<TV> values,
        string? Name = null, bool? ShowLegend = null, string? MarkerColor = null, string? Color = null) =>
        Bars(values, null, Orientation.Vertical, Name, ShowLegend, MarkerColor ?? Color);

    /// <summary>Vertical bars with a key (category or number) per value.</summary>
    public static GenericChart Column<TV, TK>(IEnumerable<TV> values, IEnumerable<TK> Keys,
        string? Name = null, bool? ShowLegend = null, string? MarkerColor = null, string? Color = null) =>
        Bars(values, DataColumn.From(Keys, nameof(Keys)), Orientation.Vertical, Name, ShowLegend, MarkerColor ?? Color);

    /// <summary>
    /// A heatmap of rows of values: row 0 is drawn at the bottom (Plotly's convention), with a colour
    /// bar unless <paramref name="ShowScale"/> is false. X labels the columns, Y the rows (numbers or text).
    /// </summary>
    public static GenericChart Heatmap<TZ>(IEnumerable<IEnumerable<TZ>> zData,
        IEnumerable? X = null, IEnumerable? Y = null, string? Name = null,
        Colorscale? ColorScale = null, bool? ShowScale = null)
    {
        ArgumentNullException.ThrowIfNull(zData);
        var rows = zData.Select((row, i) => DataColumn.From(row, $"zData[{i}]").Numbers
            ?? throw new ArgumentException("Heatmap values must be numbers.", nameof(zData))).ToArray();
        return Heatmap(rows, X, Y, Name, ColorScale, ShowScale);
    }

    /// <summary>A heatmap of a [rows, columns] array (row 0 at the bottom).</summary>
    public static GenericChart Heatmap(double[,] zData,
        IEnumerable? X = null, IEnumerable? Y = null, string? Name = null,
        Colorscale? ColorScale = null, bool? ShowScale = null)
    {
        ArgumentNullException.ThrowIfNull(zData);
        var rows = new double[zData.GetLength(0)][];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = new double[zData.GetLength(1)];
            for (int c = 0; c < rows[r].Length; c++) rows[r][c] = zData[r, c];
        }
        return Heatmap(rows, X, Y, Name, ColorScale, ShowScale);
    }

    /// <summary>A heatmap of a [rows, columns] float array (row 0 at the bottom).</summary>
    public static GenericChart Heatmap(float[,] zData,
        IEnumerable? X = null, IEnumerable? Y = null, string? Name = null,
        Colorscale? ColorScale = null, bool? ShowScale = null)
    {
        ArgumentNullException.ThrowIfNull(zData);
        var doubles = new double[zData.GetLength(0), zData.GetLength(1)];
        for (int r = 0; r < zData.GetLength(0); r++)
            for (int c = 0; c < zData.GetLength(1); c++) doubles[r, c] = zData[r, c];
        return Heatmap(doubles, X, Y, Name, ColorScale, ShowScale);
    }

    // Parameter names match the public overloads, so argument errors name what the caller wrote.
    private static GenericChart Heatmap(double[][] zData, IEnumerable? X, IEnumerable? Y, string? name,
        Colorscale? colorScale, bool? showScale)
    {
        if (zData.Length == 0 || zData[0].Length == 0) throw new ArgumentException("A heatmap needs at least one value.", nameof(zData));
        int columns = zData[0].Length;
        for (int r = 1; r < zData.Length; r++)
            if (zData[r].Length != columns)
                throw new ArgumentException($"Heatmap rows must have equal lengths: row 0 has {columns}, row {r} has {zData[r].Length}.", nameof(zData));
        var xs = X is null ? null : DataColumn.FromUntyped(X, nameof(X));
        var ys = Y is null ? null : DataColumn.FromUntyped(Y, nameof(Y));
        if (xs is not null && xs.Count != columns)
            throw new ArgumentException($"X has {xs.Count} labels but the heatmap has {columns} columns.", nameof(X));
        if (ys is not null && ys.Count != zData.Length)
            throw new ArgumentException($"Y has {ys.Count} labels but the heatmap has {zData.Length} rows.", nameof(Y));
        return Single(new Trace
        {
            Type = TraceType.Heatmap,
            Z = zData,
            X = xs,
            Y = ys,
            Name = name,
            Colorscale = colorScale,
            ShowScale = showScale,
        });
    }

    private static GenericChart Bars<TV>(IEnumerable<TV> values, DataColumn? keys, Orientation orientation,
        string? name, bool? showLegend, string? color)
    {
        var vs = DataColumn.From(values, nameof(values));
        if (vs.IsCategorical) throw new ArgumentException("Bar values must be numbers.", nameof(values));
        keys ??= DataColumn.FromNumbers([.. Enumerable.Range(0, vs.Count).Select(i => (double)i)]);
        RequireSameLength(keys, vs);
        bool vertical = orientation == Orientation.Vertical;
        return Single(new Trace
        {
            Type = TraceType.Bar,
            Orientation = orientation,
            X = vertical ? keys : vs,
            Y = vertical ? vs : keys,
            Name = name,
            ShowLegend = showLegend,
            Marker = color is null ? null : new MarkerStyle(color),
        });
    }

    private static void RequireSameLength(DataColumn x, DataColumn y)
    {
        if (x.Count != y.Count)
            throw new ArgumentException($"x and y must have the same length; x has {x.Count} values, y has {y.Count}.");
    }

    private static GenericChart Single(Trace trace) =>
        new([trace], new Layout(), GenericChart.IncludePlotlyJsonByDefault);
}
