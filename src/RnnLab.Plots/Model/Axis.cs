namespace RnnLab.Plots;

/// <summary>
/// Plotly's <c>layout.xaxis</c>/<c>layout.yaxis</c> object. <see cref="Range"/> is in data units
/// (Plotly wants log10 units for a log axis; the JSON writer converts). Null means default.
/// </summary>
public sealed record Axis
{
    public string? Title { get; init; }

    public AxisType? Type { get; init; }

    public (double Min, double Max)? Range { get; init; }

    /// <summary>Fractions of the plot area this axis spans (subplots).</summary>
    public (double Start, double End)? Domain { get; init; }

    /// <summary>The number of the axis this one is drawn against (x2 anchors to y2).</summary>
    public int? Anchor { get; init; }

    public bool? ShowGrid { get; init; }

    /// <summary>This axis with every member <paramref name="other"/> sets taking precedence.</summary>
    public Axis MergedWith(Axis other) => new()
    {
        Title = other.Title ?? Title,
        Type = other.Type ?? Type,
        Range = other.Range ?? Range,
        Domain = other.Domain ?? Domain,
        Anchor = other.Anchor ?? Anchor,
        ShowGrid = other.ShowGrid ?? ShowGrid,
    };
}
