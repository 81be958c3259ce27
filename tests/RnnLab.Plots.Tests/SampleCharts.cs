namespace RnnLab.Plots.Tests;

/// <summary>The charts the golden, browser and notebook tests share: one per feature worth seeing.</summary>
public static class SampleCharts
{
    public static double[] Range(int n) => [.. Enumerable.Range(0, n).Select(i => (double)i)];

    public static GenericChart LossCurve()
    {
        var epochs = Range(100);
        var train = epochs.Select(e => 2.0 * Math.Exp(-e / 20.0) + 0.05).ToArray();
        var valid = epochs.Select(e => 2.1 * Math.Exp(-e / 25.0) + 0.12).ToArray();
        return Chart.Combine(
                Chart.Line(epochs, train, Name: "train"),
                Chart.Line(epochs, valid, Name: "validation", LineDash: DrawingStyle.Dash))
            .WithTitle("Loss")
            .WithXAxisStyle("epoch")
            .WithYAxisStyle("loss");
    }

    public static GenericChart LogLoss() =>
        Chart.Line(Range(200), Range(200).Select(e => 3.0 * Math.Pow(10, -e / 50.0)).ToArray(), Name: "loss")
            .WithTitle("Loss (log scale)")
            .WithXAxisStyle("step")
            .WithYAxisStyle("loss", AxisType: AxisType.Log);

    public static GenericChart SinCos()
    {
        var t = Range(60).Select(i => i * 0.2).ToArray();
        return Chart.Combine(
                Chart.Line(t, t.Select(Math.Sin), Name: "sin", ShowMarkers: true),
                Chart.Point(t, t.Select(Math.Cos), Name: "cos"),
                Chart.Scatter(t, t.Select(x => 0.5 * Math.Sin(x + 1)), Mode.Lines_Markers, Name: "prediction", Color: "#d62728"))
            .WithTitle("sin and cos")
            .WithXAxisStyle("t");
    }

    public static GenericChart WithGaps()
    {
        double[] y = [1, 2, double.NaN, 4, 5, double.PositiveInfinity, 3, 2, double.NaN, 1, 2];
        return Chart.Line(Range(y.Length), y, Name: "with gaps").WithTitle("NaN and infinity");
    }

    public static GenericChart Probabilities() =>
        Chart.Column(new[] { 0.05, 0.6, 0.1, 0.2, 0.05 }, Keys: new[] { "a", "d", "g", "o", " " }, Name: "p(next char)")
            .WithTitle("Next character")
            .WithYAxisStyle("probability", MinMax: (0, 1));

    public static GenericChart HiddenState()
    {
        var z = new double[8, 12];
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 12; c++)
                z[r, c] = Math.Tanh(Math.Sin(r * 0.7) * Math.Cos(c * 0.5) * 2);
        return Chart.Heatmap(z, X: Range(12).Select(i => $"t{i}").ToArray(), ColorScale: Colorscale.RdBu)
            .WithTitle("Hidden state")
            .WithXAxisStyle("time step")
            .WithYAxisStyle("unit");
    }

    public static GenericChart ViridisHeatmap()
    {
        var rows = Enumerable.Range(0, 20).Select(r => Enumerable.Range(0, 30).Select(c => (double)(r * c)).ToArray()).ToArray();
        return Chart.Heatmap(rows).WithTitle("r × c");
    }

    public static GenericChart Subplots() =>
        Chart.Grid([
            LossCurve().WithTitle("loss"),
            HiddenState().WithTitle("hidden state"),
            Probabilities().WithTitle("next character"),
            LogLoss().WithTitle("log loss")], 2, 2)
        .WithTitle("Training overview");

    public static GenericChart HorizontalBars() =>
        Chart.Bar(new[] { 3, 7, 2 }, Keys: new[] { "RNN", "LSTM", "GRU" }).WithTitle("Horizontal bars");

    public static GenericChart Awkward() =>
        Chart.Point(new[] { 1.0, 2.0, 3.0 }, new[] { 0.00012, 0.00019, 0.00015 }).WithTitle("Tiny values");

    /// <summary>Every sample, keyed by the name its golden file uses.</summary>
    public static IReadOnlyList<(string Name, GenericChart Chart)> All() =>
    [
        ("loss-curve", LossCurve()),
        ("log-loss", LogLoss()),
        ("sin-cos", SinCos()),
        ("nan-gaps", WithGaps()),
        ("probabilities", Probabilities()),
        ("horizontal-bars", HorizontalBars()),
        ("hidden-state", HiddenState()),
        ("viridis-heatmap", ViridisHeatmap()),
        ("subplots", Subplots()),
        ("awkward-range", Awkward()),
    ];
}
