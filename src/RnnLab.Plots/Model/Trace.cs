namespace RnnLab.Plots;

/// <summary>
/// One entry of a Plotly figure's <c>data</c> array. Property names follow Plotly's schema;
/// axis references are numbers here (1 = "x"/"y", 2 = "x2"/"y2", ...).
/// </summary>
public sealed record Trace
{
    public required TraceType Type { get; init; }

    /// <summary>Scatter only: lines, markers or both.</summary>
    public Mode? Mode { get; init; }

    public DataColumn? X { get; init; }

    public DataColumn? Y { get; init; }

    /// <summary>Heatmap only: rows of values, row 0 drawn at the bottom as in Plotly.</summary>
    public double[][]? Z { get; init; }

    public string? Name { get; init; }

    public bool? ShowLegend { get; init; }

    public LineStyle? Line { get; init; }

    public MarkerStyle? Marker { get; init; }

    /// <summary>Bar only: vertical bars have keys on x, horizontal bars keys on y.</summary>
    public Orientation? Orientation { get; init; }

    public int XAxis { get; init; } = 1;

    public int YAxis { get; init; } = 1;

    public Colorscale? Colorscale { get; init; }

    public bool? ShowScale { get; init; }

    public ColorBar? ColorBar { get; init; }

    /// <summary>Number of data points (cells for a heatmap).</summary>
    public int PointCount => Type == TraceType.Heatmap
        ? Z!.Sum(row => row.Length)
        : Math.Min(X?.Count ?? 0, Y?.Count ?? 0);

    /// <summary>True when this trace shows its colour bar (heatmaps, default on).</summary>
    public bool HasColorBar => Type == TraceType.Heatmap && ShowScale != false;

    /// <summary>Short kind for summaries: "line", "markers", "line+markers", "bar", "heatmap".</summary>
    public string KindLabel => Type switch
    {
        TraceType.Bar => "bar",
        TraceType.Heatmap => "heatmap",
        _ => Mode switch
        {
            Plots.Mode.Markers => "markers",
            Plots.Mode.Lines_Markers => "line+markers",
            _ => "line",
        },
    };
}
