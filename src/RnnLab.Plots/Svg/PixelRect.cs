namespace RnnLab.Plots.Svg;

/// <summary>A rectangle in SVG pixels (y grows downwards).</summary>
internal readonly record struct PixelRect(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;
}
