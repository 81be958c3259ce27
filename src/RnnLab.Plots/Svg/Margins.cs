namespace RnnLab.Plots.Svg;

/// <summary>
/// The figure's margins, grown the way plotly.js's automargin grows them: each item outside the
/// plot area (legend, colour bar, long tick labels) is anchored at a fraction of the plot area and
/// reaches some pixels to either side; margins widen until every item fits in the figure. They
/// never shrink below what the layout asks for.
/// </summary>
internal sealed class Margins(double left, double right, double top, double bottom)
{
    /// <summary>An item at <paramref name="Fraction"/> of the plot width (or height, from the bottom) reaching Before px left (below) and After px right (above).</summary>
    public readonly record struct Push(double Fraction, double Before, double After);

    public double Left { get; private set; } = left;

    public double Right { get; private set; } = right;

    public double Top { get; private set; } = top;

    public double Bottom { get; private set; } = bottom;

    /// <summary>Grows the margins until every push fits inside <paramref name="width"/> × <paramref name="height"/>.</summary>
    public Margins Grown(double width, double height, IReadOnlyList<Push> horizontal, IReadOnlyList<Push> vertical)
    {
        var (l, r) = Solve(width, Left, Right, horizontal);
        var (b, t) = Solve(height, Bottom, Top, vertical);
        return new Margins(l, r, t, b);
    }

    /// <summary>Plot area in pixels.</summary>
    public PixelRect PlotArea(double width, double height) =>
        new(Left, Top, Math.Max(Left + 1, width - Right), Math.Max(Top + 1, height - Bottom));

    private static (double Low, double High) Solve(double size, double low, double high, IReadOnlyList<Push> pushes)
    {
        // A few rounds settle it: growing one side shrinks the plot, which moves fractional anchors.
        for (int round = 0; round < 8; round++)
        {
            bool grew = false;
            foreach (var push in pushes)
            {
                double plot = size - low - high;
                if (low + push.Fraction * plot - push.Before < -0.5 && push.Fraction < 1)
                {
                    low = Math.Max(low, (push.Before - push.Fraction * (size - high)) / (1 - push.Fraction));
                    grew = true;
                }
                plot = size - low - high;
                if (low + push.Fraction * plot + push.After > size + 0.5 && push.Fraction > 0)
                {
                    high = Math.Max(high, (low + push.Fraction * (size - low) + push.After - size) / push.Fraction);
                    grew = true;
                }
            }
            if (!grew) break;
        }
        // Never leave the plot less than a fifth of the figure, whatever asks for room.
        double excess = low + high - 0.8 * size;
        if (excess > 0)
        {
            double share = low / (low + high);
            (low, high) = (low - excess * share, high - excess * (1 - share));
        }
        return (low, high);
    }
}
