using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// A heatmap's colour mapping as plotly.js computes it: zmin/zmax from the data unless set, made
/// symmetric about zmid when zmid is set; the colour scale from the trace, its template entry, or
/// (with autocolorscale) the layout's sequential/diverging scale; reversescale flips it.
/// </summary>
internal sealed class HeatmapColoring
{
    private HeatmapColoring(ColorScale scale, double min, double max)
    {
        Scale = scale;
        Min = min;
        Max = max;
    }

    public ColorScale Scale { get; }

    public double Min { get; }

    public double Max { get; }

    public static HeatmapColoring For(FigureTrace trace, Figure figure)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var row in trace.Z ?? [])
            foreach (double v in row)
                if (double.IsFinite(v))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
        if (!double.IsFinite(lo)) (lo, hi) = (0, 1);
        var style = trace.Style;
        double? zmin = style.Number("zmin"), zmax = style.Number("zmax");
        bool auto = style.Bool("zauto") ?? !(zmin is not null && zmax is not null);
        if (!auto) (lo, hi) = (zmin!.Value, zmax!.Value);
        else
        {
            if (zmin is { } fixedLow && zmax is null) lo = fixedLow;
            if (zmax is { } fixedHigh && zmin is null) hi = fixedHigh;
            if (style.Number("zmid") is { } mid && double.IsFinite(mid))
            {
                double half = Math.Max(Math.Abs(hi - mid), Math.Abs(mid - lo));
                (lo, hi) = (mid - half, mid + half);
            }
        }
        if (lo == hi) (lo, hi) = (lo - 0.5, hi + 0.5);
        var scale = ScaleFor(trace, figure, lo, hi);
        return new HeatmapColoring(style.Bool("reversescale") == true ? scale.Reversed() : scale, lo, hi);
    }

    private static ColorScale ScaleFor(FigureTrace trace, Figure figure, double lo, double hi)
    {
        if (trace.Style.Bool("autocolorscale") == true)
        {
            string kind = lo < 0 && hi > 0 ? "diverging" : lo >= 0 ? "sequential" : "sequentialminus";
            string fallback = kind switch { "diverging" => "RdBu", "sequential" => "Reds", _ => "Blues" };
            return ColorScale.Parse(figure.Layout.Find("colorscale." + kind)) ?? ColorScale.Named(fallback)!;
        }
        return ColorScale.Parse(trace.Style.Own.Member("colorscale"))
            ?? ColorScale.Parse(trace.Style.Template.Member("colorscale"))
            ?? ColorScale.Named(NamedColorScales.DefaultName)!;
    }

    /// <summary>The colour of value <paramref name="z"/>; clamped to the scale's ends.</summary>
    public CssColor ColorOf(double z) => Scale.ColorAt((z - Min) / (Max - Min));
}
