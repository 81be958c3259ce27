using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET.CSharp;
using Color = Plotly.NET.Color;
using GenericChart = Plotly.NET.GenericChart;
using StyleParam = Plotly.NET.StyleParam;

namespace RnnLab.Charting;

/// <summary>
/// The figures more than one notebook draws, as Plotly.NET charts: each recipe returns a
/// <see cref="GenericChart"/>, so a notebook restyles it with Plotly.NET's own API (or
/// <see cref="PlotlyChartExtensions"/>) before showing it. Data comes as plain arrays, not
/// tensors. Steps and x values must be finite; NaN values (losses, norms, predictions, points,
/// cells) are drawn as gaps, and the static picture says how many (RnnLab.Plots' notes), because
/// a diverging run is a lesson.
/// </summary>
public static class PlotlyCharts
{
    private const string FloorColor = "#7f7f7f";

    /// <summary>A run's loss against epoch 1, 2, …; a log y axis by default, where loss curves are readable.</summary>
    /// <param name="floor">A horizontal reference, e.g. the best loss reachable, drawn dashed and named in the legend.</param>
    public static GenericChart Loss(LossHistory history, bool log = true, double? floor = null, string floorName = "floor",
        string title = "Training loss", string xTitle = "epoch")
    {
        ArgumentNullException.ThrowIfNull(history);
        return Loss([history], log, floor, floorName, title, xTitle);
    }

    /// <summary>Several runs' losses against epoch 1, 2, …, one line per run, named by its label.</summary>
    public static GenericChart Loss(IEnumerable<LossHistory> histories, bool log = true, double? floor = null, string floorName = "floor",
        string title = "Training loss", string xTitle = "epoch")
    {
        const string recipe = "PlotlyCharts.Loss";
        var list = ChartInput.Series(histories, h => h?.Label, recipe, nameof(histories));
        return LossChart(list.Select(h => (h.Label, Epochs(h.Count), ChartInput.Values(h.Losses, recipe, $"history \"{h.Label}\"", nameof(histories)))),
            log, floor, floorName, title, xTitle);
    }

    /// <summary>Named loss series against epoch 1, 2, …: <c>Loss([("train", train), ("validation", validation)])</c>.</summary>
    public static GenericChart Loss(IEnumerable<(string Name, double[] Losses)> series, bool log = true, double? floor = null,
        string floorName = "floor", string title = "Training loss", string xTitle = "epoch")
    {
        const string recipe = "PlotlyCharts.Loss";
        var list = ChartInput.Series(series, s => s.Name, recipe, nameof(series));
        return LossChart(list.Select(s =>
            {
                double[] losses = ChartInput.Values(s.Losses, recipe, $"series \"{s.Name}\"", nameof(series));
                return (s.Name, Epochs(losses.Length), losses);
            }),
            log, floor, floorName, title, xTitle);
    }

    /// <summary>
    /// Named loss series at given steps (x values), e.g. validation measured every 10th step:
    /// <c>Loss([("train", steps, train), ("validation", every10, validation)], xTitle: "step")</c>.
    /// </summary>
    public static GenericChart Loss(IEnumerable<(string Name, double[] Steps, double[] Losses)> series, bool log = true,
        double? floor = null, string floorName = "floor", string title = "Training loss", string xTitle = "step")
    {
        const string recipe = "PlotlyCharts.Loss";
        var list = ChartInput.Series(series, s => s.Name, recipe, nameof(series));
        return LossChart(list.Select(s =>
            {
                double[] steps = ChartInput.Values(s.Steps, recipe, $"series \"{s.Name}\" steps", nameof(series));
                double[] losses = ChartInput.Values(s.Losses, recipe, $"series \"{s.Name}\" losses", nameof(series));
                ChartInput.SameLength(steps, $"series \"{s.Name}\" steps", losses, "losses", recipe, nameof(series));
                ChartInput.Finite(steps, recipe, $"series \"{s.Name}\" steps", nameof(series));
                return (s.Name, steps, losses);
            }),
            log, floor, floorName, title, xTitle);
    }

    /// <summary>
    /// A true series and a model's prediction of it over the same x values: solid truth, dashed
    /// prediction. With <paramref name="residuals"/>, a panel underneath shows prediction − truth on
    /// the same x axis (it uses a second y axis, so keep such a chart out of <c>Chart.Grid</c>).
    /// </summary>
    public static GenericChart SeriesVsPrediction(IReadOnlyList<double> x, IReadOnlyList<double> truth, IReadOnlyList<double> prediction,
        string name = "value", bool residuals = false, string title = "Prediction against truth", string xTitle = "t")
    {
        const string recipe = "PlotlyCharts.SeriesVsPrediction";
        double[] xs = ChartInput.Values(x, recipe, nameof(x), nameof(x));
        double[] ys = ChartInput.Values(truth, recipe, nameof(truth), nameof(truth));
        double[] predicted = ChartInput.Values(prediction, recipe, nameof(prediction), nameof(prediction));
        ChartInput.SameLength(xs, nameof(x), ys, nameof(truth), recipe, nameof(truth));
        ChartInput.SameLength(xs, nameof(x), predicted, nameof(prediction), recipe, nameof(prediction));
        ChartInput.Finite(xs, recipe, nameof(x), nameof(x));
        ArgumentNullException.ThrowIfNull(name);

        var lines = new List<GenericChart>
        {
            Chart.Line<double, double, string>(xs, ys, Name: $"{name} (truth)"),
            Chart.Line<double, double, string>(xs, predicted, Name: $"{name} (predicted)", LineDash: StyleParam.DrawingStyle.Dash),
        };
        if (!residuals)
            return Chart.Combine(lines).WithTitle(title).WithAxisTitles(xTitle, name).WithSize(720, 420);

        double[] difference = [.. predicted.Zip(ys, (p, t) => p - t)];
        var residual = Chart.Line<double, double, string>(xs, difference, Name: "residual (predicted − truth)");
        lines.Add(Plotly.NET.Chart.withAxisAnchor(FSharpOption<int>.None, FSharpOption<int>.Some(2)).Invoke(residual));
        // One x axis for both panels, drawn under the lower one (anchored to y2), so the panels share ticks and zoom.
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, Anchor: StyleParam.LinearAxisId.NewY(2))
            .WithYAxisStyle<double, double, string>(TitleText: name, Domain: new Tuple<double, double>(0.34, 1))
            .WithYAxisStyle<double, double, string>(TitleText: "residual", Domain: new Tuple<double, double>(0, 0.24),
                Anchor: StyleParam.LinearAxisId.NewX(1), Id: StyleParam.SubPlotId.NewYAxis(2))
            .WithSize(720, 520);
    }

    /// <summary>
    /// 2-D trajectories, first coordinate against second, one line per named series: for [sin, cos]
    /// points, the unit circle. Equal aspect (a circle stays round) and the legend above the plot,
    /// where it does not squeeze the square.
    /// </summary>
    public static GenericChart PhasePlane(IEnumerable<(string Name, double[] X, double[] Y)> series, string title = "Phase plane",
        string xTitle = "first coordinate (sin)", string yTitle = "second coordinate (cos)", bool markers = false)
    {
        const string recipe = "PlotlyCharts.PhasePlane";
        var list = ChartInput.Series(series, s => s.Name, recipe, nameof(series));
        var lines = list.Select(s =>
        {
            double[] xs = ChartInput.Values(s.X, recipe, $"series \"{s.Name}\" X", nameof(series));
            double[] ys = ChartInput.Values(s.Y, recipe, $"series \"{s.Name}\" Y", nameof(series));
            ChartInput.SameLength(xs, $"series \"{s.Name}\" X", ys, "Y", recipe, nameof(series));
            return Chart.Line<double, double, string>(xs, ys, Name: s.Name, ShowMarkers: markers || FewerThanTwoPoints(xs, ys));
        });
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithAxisTitles(xTitle, yTitle)
            .WithEqualAspect()
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, X: 0, XAnchor: StyleParam.XAnchorPosition.Left,
                Y: 1.02, YAnchor: StyleParam.YAnchorPosition.Bottom)
            .WithSize(520, 560);
    }

    /// <summary>
    /// A matrix as a heatmap, row 0 at the top as in a printed matrix (a reversed y axis; the data
    /// keep their order). Values all within [-1, 1] (tanh activations, correlations) get a
    /// diverging scale centred on 0 (blue negative, red positive); others a sequential one.
    /// <paramref name="diverging"/> overrides that choice.
    /// </summary>
    public static GenericChart Heatmap(double[,] matrix, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null,
        string title = "Heatmap", string xTitle = "column", string yTitle = "row", string colorBarTitle = "value", bool? diverging = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        double[][] rows = [.. Enumerable.Range(0, matrix.GetLength(0)).Select(r => Enumerable.Range(0, matrix.GetLength(1)).Select(c => matrix[r, c]).ToArray())];
        return HeatmapChart(rows, nameof(matrix), columnLabels, rowLabels, title, xTitle, yTitle, colorBarTitle, diverging);
    }

    /// <summary>The same from rows (jagged: <c>double[][]</c>, a list of lists); every row must be as long as the first.</summary>
    public static GenericChart Heatmap(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? rowLabels = null, string title = "Heatmap", string xTitle = "column", string yTitle = "row",
        string colorBarTitle = "value", bool? diverging = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const string recipe = "PlotlyCharts.Heatmap";
        double[][] copy = [.. rows.Select((row, r) => ChartInput.Values(row, recipe, Indexed(nameof(rows), r), nameof(rows)))];
        return HeatmapChart(copy, nameof(rows), columnLabels, rowLabels, title, xTitle, yTitle, colorBarTitle, diverging);
    }

    /// <summary>
    /// Gradient norm against time step 0, 1, …, one line per named curve, on a log axis: vanishing
    /// shows as a straight fall towards early steps, exploding as a rise. Markers on every point, so
    /// a one-step curve still shows.
    /// </summary>
    public static GenericChart GradientNorms(IEnumerable<(string Name, double[] Norms)> series, string title = "Gradient norm at each time step",
        string xTitle = "time step t", string yTitle = "gradient norm")
    {
        const string recipe = "PlotlyCharts.GradientNorms";
        var list = ChartInput.Series(series, s => s.Name, recipe, nameof(series));
        var lines = list.Select(s =>
        {
            double[] norms = ChartInput.Values(s.Norms, recipe, $"series \"{s.Name}\"", nameof(series));
            return Chart.Line<int, double, string>(Enumerable.Range(0, norms.Length), norms, Name: s.Name, ShowMarkers: true);
        });
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithAxisTitles(xTitle, yTitle)
            .WithLogYAxis()
            .WithMarkerSize(5)
            .WithSize(720, 420);
    }

    private static GenericChart LossChart(IEnumerable<(string Name, double[] X, double[] Y)> series, bool log, double? floor,
        string floorName, string title, string xTitle)
    {
        var list = series.ToList();   // runs every series' checks before anything is drawn
        // A one-point series (the first epoch, a live chart's first frame) is invisible as a line in plotly.js.
        var lines = list.Select(s => Chart.Line<double, double, string>(s.X, s.Y, Name: s.Name, ShowMarkers: FewerThanTwoPoints(s.X, s.Y))).ToList();
        CheckFloor(floor, log, "PlotlyCharts.Loss");
        if (floor is { } level)
        {
            ArgumentNullException.ThrowIfNull(floorName);
            double[] ends = [.. new[] { list.Min(s => s.X.Min()), list.Max(s => s.X.Max()) }.Distinct()];
            lines.Add(Chart.Line<double, double, string>(ends, [.. ends.Select(_ => level)], Name: $"{floorName} {Numbers.Format(level)}",
                ShowMarkers: ends.Length == 1, LineColor: Color.fromString(FloorColor), MarkerColor: Color.fromString(FloorColor),
                LineDash: StyleParam.DrawingStyle.Dash));
        }
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithAxisTitles(xTitle, "loss")
            .WithLogYAxis(log)
            .WithSize(720, 420);
    }

    /// <summary>Refuses a reference line that cannot be drawn (NaN, or ≤ 0 on a log axis).</summary>
    internal static void CheckFloor(double? floor, bool log, string caller)
    {
        if (floor is { } level && (!double.IsFinite(level) || (log && level <= 0)))
            throw new ArgumentOutOfRangeException(nameof(floor), level,
                $"{caller}: the floor must be a finite number{(log ? " above 0 on a log axis (pass log: false for others)" : "")}");
    }

    private static GenericChart HeatmapChart(double[][] rows, string argument, IReadOnlyList<string>? columnLabels, IReadOnlyList<string>? rowLabels,
        string title, string xTitle, string yTitle, string colorBarTitle, bool? diverging)
    {
        const string recipe = "PlotlyCharts.Heatmap";
        if (rows.Length == 0 || rows[0].Length == 0)
            throw new ArgumentException($"{recipe}: {argument} has no values", argument);
        int columns = rows[0].Length;
        int ragged = Array.FindIndex(rows, r => r.Length != columns);
        if (ragged >= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{recipe}: {Indexed(argument, ragged)} has {rows[ragged].Length} values but {Indexed(argument, 0)} has {columns}; every row must be as long"), argument);
        CheckLabels(columnLabels, columns, "columns", nameof(columnLabels));
        CheckLabels(rowLabels, rows.Length, "rows", nameof(rowLabels));

        bool centred = diverging ?? rows.SelectMany(r => r).Where(double.IsFinite).All(v => v is >= -1 and <= 1);
        var chart = Chart.Heatmap<double, string, string, string>(rows,
            X: columnLabels is null ? default(Optional<IEnumerable<string>>) : ChartInput.Unique(columnLabels),
            Y: rowLabels is null ? default(Optional<IEnumerable<string>>) : ChartInput.Unique(rowLabels),
            ColorScale: centred ? StyleParam.Colorscale.RdBu : StyleParam.Colorscale.Viridis,
            ReverseYAxis: true);
        if (centred) chart = chart.WithColorMidpoint(0);
        return chart
            .WithTitle(title)
            .WithAxisTitles(xTitle, yTitle)
            .WithColorBarTitle(colorBarTitle)
            .WithSize(720, Math.Clamp(160 + 24 * rows.Length, 320, 720));

        void CheckLabels(IReadOnlyList<string>? labels, int count, string what, string paramName)
        {
            if (labels is not null && labels.Count != count)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{recipe}: {paramName} has {labels.Count} label{(labels.Count == 1 ? "" : "s")} but the matrix has {count} {what}"), paramName);
        }
    }

    private static double[] Epochs(int count) => [.. Enumerable.Range(1, count).Select(e => (double)e)];

    private static bool FewerThanTwoPoints(double[] x, double[] y) =>
        x.Zip(y).Count(p => double.IsFinite(p.First) && double.IsFinite(p.Second)) < 2;

    private static string Indexed(string argument, int index) => string.Create(CultureInfo.InvariantCulture, $"{argument}[{index}]");
}
