using System.Collections.Immutable;
using System.Globalization;

namespace RnnLab.Plots;

/// <summary>
/// A colour scale: stops from 0 to 1, each with an "#rrggbb" colour, as in Plotly's
/// <c>colorscale</c> arrays. The named scales copy plotly.js's definitions, and the JSON writer
/// emits the stops themselves, so plotly.js and our SVG paint the same colours.
/// </summary>
public sealed class Colorscale
{
    private Colorscale(string name, ImmutableArray<(double Position, string Color)> stops)
    {
        Name = name;
        Stops = stops;
    }

    /// <summary>Plotly's name for a built-in scale; "custom" otherwise.</summary>
    public string Name { get; }

    public ImmutableArray<(double Position, string Color)> Stops { get; }

    public static Colorscale Viridis { get; } = Named("Viridis", [
        (0, "#440154"), (0.06274509803921569, "#48186a"), (0.12549019607843137, "#472d7b"),
        (0.18823529411764706, "#424086"), (0.25098039215686274, "#3b528b"), (0.3137254901960784, "#33638d"),
        (0.3764705882352941, "#2c728e"), (0.4392156862745098, "#26828e"), (0.5019607843137255, "#21918c"),
        (0.5647058823529412, "#1fa088"), (0.6274509803921569, "#28ae80"), (0.6901960784313725, "#3fbc73"),
        (0.7529411764705882, "#5ec962"), (0.8156862745098039, "#84d44b"), (0.8784313725490196, "#addc30"),
        (0.9411764705882353, "#d8e219"), (1, "#fde725")]);

    public static Colorscale Cividis { get; } = Named("Cividis", [
        (0, "#00204c"), (0.058824, "#002a66"), (0.117647, "#00346e"), (0.176471, "#273f6c"),
        (0.235294, "#3c4a6b"), (0.294118, "#4c556b"), (0.352941, "#5b5f6d"), (0.411765, "#686a70"),
        (0.470588, "#757575"), (0.529412, "#838178"), (0.588235, "#928c78"), (0.647059, "#a19876"),
        (0.705882, "#b0a572"), (0.764706, "#c0b16d"), (0.823529, "#d1bf66"), (0.882353, "#e1cc5c"),
        (0.941176, "#f3db4f"), (1, "#ffe945")]);

    public static Colorscale Greys { get; } = Named("Greys", [(0, "#000000"), (1, "#ffffff")]);

    public static Colorscale Hot { get; } = Named("Hot", [(0, "#000000"), (0.3, "#e60000"), (0.6, "#ffd200"), (1, "#ffffff")]);

    public static Colorscale Blues { get; } = Named("Blues", [
        (0, "#050aac"), (0.35, "#283cbe"), (0.5, "#4664f5"), (0.6, "#5a78f5"), (0.7, "#6a89f7"), (1, "#dcdcdc")]);

    /// <summary>Diverging blue–grey–red: good for signed values such as weights or hidden states.</summary>
    public static Colorscale RdBu { get; } = Named("RdBu", [
        (0, "#050aac"), (0.35, "#6a89f7"), (0.5, "#bebebe"), (0.6, "#dcaa84"), (0.7, "#e6915a"), (1, "#b20a1c")]);

    /// <summary>A scale from your own stops: positions rising from 0 to 1, colours as "#rrggbb".</summary>
    public static Colorscale Custom(IEnumerable<(double Position, string Color)> stops)
    {
        var list = stops.ToImmutableArray();
        if (list.Length < 2) throw new ArgumentException("A colour scale needs at least two stops.", nameof(stops));
        if (list[0].Position != 0 || list[^1].Position != 1)
            throw new ArgumentException("A colour scale's stops must start at 0 and end at 1.", nameof(stops));
        for (int i = 1; i < list.Length; i++)
            if (list[i].Position < list[i - 1].Position)
                throw new ArgumentException("A colour scale's stop positions must not decrease.", nameof(stops));
        foreach (var (_, color) in list) ParseHex(color);
        return new("custom", list);
    }

    /// <summary>The colour at <paramref name="t"/> in [0, 1], interpolated in RGB as plotly.js does.</summary>
    public string ColorAt(double t)
    {
        t = Math.Clamp(t, 0, 1);
        int upper = 1;
        while (upper < Stops.Length - 1 && Stops[upper].Position < t) upper++;
        var (p0, c0) = Stops[upper - 1];
        var (p1, c1) = Stops[upper];
        double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0;
        var (r0, g0, b0) = ParseHex(c0);
        var (r1, g1, b1) = ParseHex(c1);
        return ToHex(Lerp(r0, r1, f), Lerp(g0, g1, f), Lerp(b0, b1, f));
    }

    private static Colorscale Named(string name, (double, string)[] stops) => new(name, [.. stops]);

    private static int Lerp(int a, int b, double f) => (int)Math.Round(a + (b - a) * f, MidpointRounding.AwayFromZero);

    private static string ToHex(int r, int g, int b) =>
        string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");

    private static (int R, int G, int B) ParseHex(string color)
    {
        if (color.Length != 7 || color[0] != '#'
            || !int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb))
            throw new ArgumentException($"Colour scale colours must be \"#rrggbb\"; got \"{color}\".");
        return ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }
}
