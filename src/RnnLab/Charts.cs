using RnnLab.Plots;
using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The figures more than one notebook draws, as one-line recipes on RnnLab.Plots. Each returns a
/// GenericChart, so a notebook can restyle it (.WithTitle, .WithSize) before showing it.
/// </summary>
public static class Charts
{
    /// <summary>Loss against epoch (or whatever <paramref name="xTitle"/> counts) for one or more runs; a log y axis by default, where loss curves are readable.</summary>
    public static GenericChart Loss(IEnumerable<LossHistory> histories, bool log = true, string title = "Training loss", string xTitle = "epoch")
    {
        var lines = histories.Select(h => Chart.Line(Enumerable.Range(1, h.Count), h.Losses, Name: h.Label)).ToList();
        if (lines.Count == 0) throw new ArgumentException("no loss history to draw", nameof(histories));
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithXAxisStyle(xTitle)
            .WithYAxisStyle("loss", AxisType: log ? AxisType.Log : AxisType.Linear);   // the chart's description adds "(log scale)"
    }

    /// <summary>Loss against epoch for one run.</summary>
    public static GenericChart Loss(LossHistory history, bool log = true, string title = "Training loss", string xTitle = "epoch") =>
        Loss([history], log, title, xTitle);

    /// <summary>A true series and a model's prediction of it over the same x values: solid truth, dashed prediction.</summary>
    public static GenericChart SeriesVsPrediction(Tensor x, Tensor truth, Tensor prediction,
        string name = "value", string title = "Prediction against truth")
    {
        const string helper = "Charts.SeriesVsPrediction";
        double[] xs = TensorValues.Vector(x, helper, nameof(x));
        double[] ys = TensorValues.Vector(truth, helper, nameof(truth));
        double[] predicted = TensorValues.Vector(prediction, helper, nameof(prediction));
        if (ys.Length != xs.Length || predicted.Length != xs.Length)
            throw new ArgumentException(
                $"{helper}: x, truth and prediction must have as many values, but got {TensorArguments.Size(x.shape)}, "
                + $"{TensorArguments.Size(truth.shape)} and {TensorArguments.Size(prediction.shape)}", ys.Length != xs.Length ? nameof(truth) : nameof(prediction));
        return Chart.Combine(
                Chart.Line(xs, ys, Name: $"{name} (truth)"),
                Chart.Line(xs, predicted, Name: $"{name} (predicted)", LineDash: DrawingStyle.Dash))
            .WithTitle(title)
            .WithXAxisStyle("t");
    }

    /// <summary>
    /// A 2-D trajectory drawn as first coordinate against second (one line per named series): for
    /// [sin, cos] points, the unit circle. A square figure, so a circle looks round.
    /// </summary>
    public static GenericChart PhasePlane(IEnumerable<(string Name, Tensor Points)> series, string title = "Phase plane")
    {
        var lines = series.Select(s =>
        {
            string argument = $"series \"{s.Name}\"";
            TensorArguments.Dims(s.Points, 2, "(time, 2)", "Charts.PhasePlane", argument);
            if (s.Points.shape[1] != 2)
                throw new ArgumentException(
                    $"Charts.PhasePlane: {argument} must be 2-D (time, 2), but got {TensorArguments.Size(s.Points.shape)}", nameof(series));
            double[][] rows = TensorValues.Rows(s.Points, "Charts.PhasePlane", argument);
            return Chart.Line(rows.Select(r => r[0]).ToArray(), rows.Select(r => r[1]).ToArray(), Name: s.Name);
        }).ToList();
        if (lines.Count == 0) throw new ArgumentException("no series to draw", nameof(series));
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithXAxisStyle("first coordinate (sin)")
            .WithYAxisStyle("second coordinate (cos)")
            .WithSize(480, 480);
    }

    /// <summary>A (rows, columns) tensor as a heatmap, row 0 at the top as in a printed matrix.</summary>
    public static GenericChart Heatmap(Tensor matrix, IReadOnlyList<string> columnLabels, IReadOnlyList<string> rowLabels,
        string title = "Heatmap")
    {
        double[][] rows = TensorValues.Rows(matrix, "Charts.Heatmap", nameof(matrix));
        if (columnLabels.Count != matrix.shape[1] || rowLabels.Count != matrix.shape[0])
            throw new ArgumentException(
                $"Charts.Heatmap: {rowLabels.Count} row labels and {columnLabels.Count} column labels do not match "
                + $"matrix of {TensorArguments.Size(matrix.shape)} = (rows, columns)",
                rowLabels.Count != matrix.shape[0] ? nameof(rowLabels) : nameof(columnLabels));
        // Plotly draws row 0 at the bottom; reverse so the figure reads like the tensor.
        return Chart.Heatmap(rows.Reverse(), X: Unique(columnLabels), Y: Unique(rowLabels).Reverse().ToArray())
            .WithTitle(title);
    }

    /// <summary>
    /// Gradient norm against time step, one line per named curve, on a log axis: vanishing shows as a
    /// straight fall towards early steps, exploding as a rise.
    /// </summary>
    public static GenericChart GradientNorms(IEnumerable<(string Name, double[] Norms)> curves,
        string title = "Gradient norm at each time step", string xTitle = "time step t")
    {
        var lines = curves.Select(c => Chart.Line(Enumerable.Range(0, c.Norms.Length), c.Norms, Name: c.Name)).ToList();
        if (lines.Count == 0) throw new ArgumentException("no curves to draw", nameof(curves));
        return Chart.Combine(lines)
            .WithTitle(title)
            .WithXAxisStyle(xTitle)
            .WithYAxisStyle("gradient norm", AxisType: AxisType.Log);
    }

    /// <summary>Category labels must be distinct or the axis merges them: repeated labels get invisible suffixes.</summary>
    private static string[] Unique(IReadOnlyList<string> labels)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. labels.Select(label =>
        {
            int count = seen.TryGetValue(label, out int n) ? n + 1 : 0;
            seen[label] = count;
            return count == 0 ? label : label + new string('\u200B', count);
        })];
    }
}
