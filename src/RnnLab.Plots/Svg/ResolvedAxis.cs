using System.Globalization;

namespace RnnLab.Plots.Svg;

/// <summary>
/// An axis after looking at the data: its kind, its range in scale units (log10 for log,
/// index for category) and its categories. Maps data values to scale units.
/// </summary>
internal sealed class ResolvedAxis
{
    private readonly Dictionary<string, int> _categoryIndex;

    public ResolvedAxis(char letter, int id, Axis style, ScaleKind kind, double min, double max, IReadOnlyList<string> categories)
    {
        Letter = letter;
        Id = id;
        Style = style;
        Kind = kind;
        Min = min;
        Max = max;
        Categories = categories;
        _categoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < categories.Count; i++) _categoryIndex.TryAdd(categories[i], i);
    }

    public char Letter { get; }

    public int Id { get; }

    public Axis Style { get; }

    public ScaleKind Kind { get; }

    public double Min { get; }

    public double Max { get; }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>"x axis", "y2 axis": how notes name this axis.</summary>
    public string DisplayName => Id == 1 ? $"{Letter} axis" : string.Create(CultureInfo.InvariantCulture, $"{Letter}{Id} axis");

    /// <summary>Scale units of a number; NaN when it cannot be shown (non-finite, or ≤ 0 on a log axis).</summary>
    public double ToScale(double value)
    {
        if (!double.IsFinite(value)) return double.NaN;
        if (Kind == ScaleKind.Log) return value > 0 ? Math.Log10(value) : double.NaN;
        if (Kind == ScaleKind.Category) return _categoryIndex.TryGetValue(CategoryLabel(value), out int i) ? i : double.NaN;
        return value;
    }

    /// <summary>Scale units of element <paramref name="index"/> of a column.</summary>
    public double ToScale(DataColumn column, int index) =>
        column.Categories is { } labels
            ? (_categoryIndex.TryGetValue(labels[index], out int i) ? i : double.NaN)
            : ToScale(column.Numbers![index]);

    /// <summary>How a number reads as a category (numbers on a category axis).</summary>
    public static string CategoryLabel(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
