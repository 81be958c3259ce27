using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// One cartesian axis as drawn: its kind, categories, range in scale units (log10 of the data on a
/// log axis, category index on a category axis; <see cref="R0"/> at the left or bottom end, so a
/// reversed axis has R0 &gt; R1), and where it sits in pixels.
/// </summary>
internal sealed class AxisFrame
{
    private readonly Dictionary<string, int> _categoryIndex = new(StringComparer.Ordinal);
    private readonly List<string> _categories = [];

    public AxisFrame(AxisId id, StyleChain style, ScaleKind kind)
    {
        Id = id;
        Style = style;
        Kind = kind;
    }

    public AxisId Id { get; }

    public StyleChain Style { get; }

    public ScaleKind Kind { get; }

    public bool IsX => Id.Letter == 'x';

    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The fraction of the plot area the axis spans.</summary>
    public (double Start, double End) Domain { get; set; } = (0, 1);

    public double R0 { get; set; }

    public double R1 { get; set; } = 1;

    /// <summary>Left (x) or top (y) pixel of the axis, and its length in pixels.</summary>
    public double Offset { get; set; }

    public double Length { get; set; } = 1;

    /// <summary>The counter axis it is drawn against (the x axis' y), null when free.</summary>
    public AxisFrame? Anchor { get; set; }

    public TickSet Ticks { get; set; } = TickSet.Empty;

    /// <summary>plotly.js leaves out grid lines on the position axis of bars unless showgrid says otherwise.</summary>
    public bool GridByDefault { get; set; } = true;

    /// <summary>plotly.js gives a heatmap's axes outside tick marks unless ticks says otherwise.</summary>
    public bool OutsideTicksByDefault { get; set; }

    /// <summary>"bottom"/"top" for x, "left"/"right" for y.</summary>
    public string Side => Style.String("side") is { } side && side is "top" or "right" ? side : IsX ? "bottom" : "left";

    public bool IsReversed => R0 > R1;

    public void AddCategory(string label)
    {
        if (_categoryIndex.TryAdd(label, _categories.Count)) _categories.Add(label);
    }

    /// <summary>Scale units of a data value; NaN when it cannot be shown (not finite, ≤ 0 on a log axis).</summary>
    public double ToScale(double value) => Kind switch
    {
        _ when !double.IsFinite(value) => double.NaN,
        ScaleKind.Log => value > 0 ? Math.Log10(value) : double.NaN,
        ScaleKind.Category => _categoryIndex.TryGetValue(JsonValues.NumberLabel(value), out int i) ? i : double.NaN,
        _ => value,
    };

    /// <summary>Scale units of element <paramref name="index"/> of a data array.</summary>
    public double ToScale(DataArray values, int index) =>
        Kind == ScaleKind.Category
            ? (values.Label(index) is { } label && _categoryIndex.TryGetValue(label, out int i) ? i : double.NaN)
            : ToScale(values.Numbers[index]);

    /// <summary>
    /// A position given in a layout item (annotation x, shape x0): on a category axis a category
    /// name or a number read as an index, as plotly.js reads them.
    /// </summary>
    public double PositionToScale(JsonElement? position)
    {
        if (position is not { } p) return double.NaN;
        if (Kind == ScaleKind.Category)
        {
            if (p.ValueKind == JsonValueKind.String && _categoryIndex.TryGetValue(p.GetString()!, out int i)) return i;
            double index = JsonValues.ToDouble(p);
            return double.IsFinite(index) ? index : double.NaN;
        }
        return ToScale(JsonValues.ToDouble(p));
    }

    /// <summary>The pixel of a scale value along this axis (x grows right, y grows down).</summary>
    public double ToPixel(double scale)
    {
        double fraction = (scale - R0) / (R1 - R0);
        return IsX ? Offset + fraction * Length : Offset + Length - fraction * Length;
    }

    /// <summary>Pixels per scale unit (always positive).</summary>
    public double PixelsPerUnit => Length / Math.Abs(R1 - R0);

    /// <summary>The range's low and high ends, whichever way the axis runs.</summary>
    public (double Low, double High) Span => (Math.Min(R0, R1), Math.Max(R0, R1));

    /// <summary>"x axis", "y2 axis": how notes name this axis.</summary>
    public string DisplayName => Id.Ref + " axis";
}
