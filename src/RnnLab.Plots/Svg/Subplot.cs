namespace RnnLab.Plots.Svg;

/// <summary>One x/y axis pair drawn in one rectangle, with its ticks; maps scale units to pixels.</summary>
internal sealed class Subplot(ResolvedAxis x, ResolvedAxis y, PixelRect rect, int clipIndex)
{
    public ResolvedAxis X { get; } = x;

    public ResolvedAxis Y { get; } = y;

    public PixelRect Rect { get; } = rect;

    /// <summary>Which clip path (in figure order) keeps this subplot's traces inside its rectangle.</summary>
    public int ClipIndex { get; } = clipIndex;

    public TickSet XTicks { get; set; } = TickSet.Empty;

    public TickSet YTicks { get; set; } = TickSet.Empty;

    /// <summary>Width of the widest y tick label, for placing the y axis title.</summary>
    public double YLabelWidth { get; set; }

    public double PixelX(double scale) => Rect.Left + (scale - X.Min) / (X.Max - X.Min) * Rect.Width;

    public double PixelY(double scale) => Rect.Bottom - (scale - Y.Min) / (Y.Max - Y.Min) * Rect.Height;
}
