using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;
using FigureJson = RnnLab.Display.FigureJson;
using PlotlyFigureDisplay = RnnLab.Plots.PlotlyFigureDisplay;

namespace RnnLab.Bench;

/// <summary>
/// "plotlyfigure": a 10,000-point Plotly.NET line chart to its notebook display bundle, the path a
/// notebook chart takes (issue 14's target: at most 50 ms). Split into Plotly.NET's
/// toFigureJson, our bundle of that JSON (parse, SVG, compact payload), and both together.
/// toFigureJson spends ~200 ms serializing Plotly.NET's default template (the same object in
/// every chart), so the last workload takes the figure JSON the way the helper library's chart display does
/// (RnnLab.Display.FigureJson: the template serialized once and reused).
/// </summary>
public sealed class PlotlyFigureBenchmarks : IWorkloadGroup
{
    private const int Points = 10_000;

    public string Name => "plotlyfigure";

    public IEnumerable<Workload> Create()
    {
        // A noisy decaying curve: the shape of a training loss logged every step.
        var random = new System.Random(7);
        var x = new double[Points];
        var y = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            x[i] = i;
            y[i] = 2 * Math.Exp(-i / 2500.0) + 0.1 * random.NextDouble();
        }
        var chart = Chart.Line<double, double, string>(x, y, Name: "loss")
            .WithXAxisStyle<double, double, string>(TitleText: "step")
            .WithYAxisStyle<double, double, string>(TitleText: "loss");
        chart = Plotly.NET.Chart.withTitle("10,000-point loss", null).Invoke(chart);
        string json = Plotly.NET.GenericChart.toFigureJson(chart);
        if (PlotlyFigureDisplay.ToSvg(FigureJson.Of(chart)) != PlotlyFigureDisplay.ToSvg(json))
            throw new InvalidOperationException("the figure JSON with a cached template draws differently from toFigureJson's");

        yield return new Workload(Name, "line10k_figurejson", 0, () => Plotly.NET.GenericChart.toFigureJson(chart));
        yield return new Workload(Name, "line10k_bundle", 0, () => PlotlyFigureDisplay.ToMimeBundle(json));
        yield return new Workload(Name, "line10k_chart_to_bundle", 0,
            () => PlotlyFigureDisplay.ToMimeBundle(Plotly.NET.GenericChart.toFigureJson(chart)));
        yield return new Workload(Name, "line10k_chart_to_bundle_cached_template", 0,
            () => PlotlyFigureDisplay.ToMimeBundle(FigureJson.Of(chart)));
    }
}
