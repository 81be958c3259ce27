using RnnLab.Plots;

namespace RnnLab.Bench;

/// <summary>
/// "plots": 10,000-point charts rendered to SVG and to the full display bundle (issue 7's goal:
/// at most 50 ms per render). No PyTorch twin: the table shows our time alone.
/// </summary>
public sealed class PlotsBenchmarks : IWorkloadGroup
{
    private const int Points = 10_000;

    public string Name => "plots";

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
        var line = Chart.Line(x, y, Name: "loss").WithTitle("10,000-point loss").WithXAxisStyle("step").WithYAxisStyle("loss");
        // Worst cases: every point drawn. Markers are never thinned; a phase plot's x goes back and forth.
        var markers = Chart.Line(x, y, ShowMarkers: true);
        var phase = Chart.Line(x.Select(i => Math.Sin(i / 50.0)), x.Select(i => Math.Cos(i / 37.0)));

        yield return new Workload(Name, "line10k_svg", 0, () => line.ToSvg());
        yield return new Workload(Name, "line10k_bundle", 0, () => line.ToMimeBundle());
        yield return new Workload(Name, "markers10k_svg", 0, () => markers.ToSvg());
        yield return new Workload(Name, "phase10k_svg", 0, () => phase.ToSvg());
    }
}
