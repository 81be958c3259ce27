using System.Collections.Immutable;

namespace RnnLab.Plots;

/// <summary>Plotly's <c>layout</c> object, restricted to what this library renders.</summary>
public sealed record Layout
{
    public string? Title { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public bool? ShowLegend { get; init; }

    public ImmutableSortedDictionary<int, Axis> XAxes { get; init; } = ImmutableSortedDictionary<int, Axis>.Empty;

    public ImmutableSortedDictionary<int, Axis> YAxes { get; init; } = ImmutableSortedDictionary<int, Axis>.Empty;

    public GridLayout? Grid { get; init; }

    public ImmutableArray<Annotation> Annotations { get; init; } = [];

    public Axis XAxis(int id) => XAxes.GetValueOrDefault(id) ?? new Axis();

    public Axis YAxis(int id) => YAxes.GetValueOrDefault(id) ?? new Axis();

    /// <summary>Combine's merge: what <paramref name="other"/> sets wins, axes merge member by member.</summary>
    public Layout MergedWith(Layout other) => new()
    {
        Title = other.Title ?? Title,
        Width = other.Width ?? Width,
        Height = other.Height ?? Height,
        ShowLegend = other.ShowLegend ?? ShowLegend,
        XAxes = MergeAxes(XAxes, other.XAxes),
        YAxes = MergeAxes(YAxes, other.YAxes),
        Grid = other.Grid ?? Grid,
        Annotations = Annotations.AddRange(other.Annotations),
    };

    private static ImmutableSortedDictionary<int, Axis> MergeAxes(
        ImmutableSortedDictionary<int, Axis> mine, ImmutableSortedDictionary<int, Axis> theirs)
    {
        var merged = mine;
        foreach (var (id, axis) in theirs)
            merged = merged.SetItem(id, merged.TryGetValue(id, out var existing) ? existing.MergedWith(axis) : axis);
        return merged;
    }
}
