namespace RnnLab.Plots.Svg;

/// <summary>Bar widths in Plotly's default "group" mode: 80% of a slot shared by the bar traces side by side.</summary>
internal static class BarGeometry
{
    public const double FilledFraction = 0.8;

    /// <summary>Distance between neighbouring keys: 1 for categories, the smallest gap for numbers.</summary>
    public static double SlotWidth(DataColumn keys, ResolvedAxis axis)
    {
        if (axis.Kind != ScaleKind.Linear) return axis.Kind == ScaleKind.Category ? 1 : 0.1;
        var sorted = keys.Numbers!.Where(double.IsFinite).Distinct().Order().ToArray();
        double smallest = double.PositiveInfinity;
        for (int i = 1; i < sorted.Length; i++) smallest = Math.Min(smallest, sorted[i] - sorted[i - 1]);
        return double.IsFinite(smallest) ? smallest : 1;
    }
}
