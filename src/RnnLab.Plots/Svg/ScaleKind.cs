namespace RnnLab.Plots.Svg;

/// <summary>How an axis maps data to its scale units.</summary>
internal enum ScaleKind
{
    Linear,
    Log,
    Category,
}
