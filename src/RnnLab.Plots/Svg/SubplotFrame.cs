namespace RnnLab.Plots.Svg;

/// <summary>One x/y axis pair and the rectangle where its traces are drawn (and clipped).</summary>
internal sealed record SubplotFrame(AxisFrame X, AxisFrame Y, int Index)
{
    public PixelRect Rect => new(
        Math.Min(X.Offset, X.Offset + X.Length), Y.Offset,
        X.Offset + X.Length, Y.Offset + Y.Length);

    /// <summary>The clip path's id suffix; the figure-wide prefix comes from a hash of the SVG.</summary>
    public string ClipSuffix => "-clip" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
