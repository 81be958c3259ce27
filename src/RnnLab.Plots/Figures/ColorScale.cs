using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// A colour scale as plotly.js reads it: a name ("Viridis") or stops <c>[[0, colour], ..., [1, colour]]</c>,
/// optionally reversed. Colours between stops are interpolated in RGB, as plotly.js and an SVG
/// gradient both do.
/// </summary>
internal sealed class ColorScale
{
    private ColorScale(IReadOnlyList<(double Position, CssColor Color)> stops) => Stops = stops;

    public IReadOnlyList<(double Position, CssColor Color)> Stops { get; }

    /// <summary>The scale a JSON value describes, or null when it is neither a known name nor valid stops.</summary>
    public static ColorScale? Parse(JsonElement? value)
    {
        if (value is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return Named(v.GetString()!);
        if (v.ValueKind != JsonValueKind.Array) return null;
        var stops = new List<(double, CssColor)>();
        foreach (var stop in v.EnumerateArray())
        {
            if (stop.ValueKind != JsonValueKind.Array || stop.GetArrayLength() != 2) return null;
            double position = JsonValues.ToDouble(stop[0]);
            var color = CssColor.Parse(stop[1].ValueKind == JsonValueKind.String ? stop[1].GetString() : null);
            if (!double.IsFinite(position) || color is null) return null;
            stops.Add((position, color.Value));
        }
        if (stops.Count < 2) return null;
        for (int i = 1; i < stops.Count; i++)
            if (stops[i].Item1 < stops[i - 1].Item1) return null;
        return new ColorScale(stops);
    }

    /// <summary>A plotly.js named scale ("Viridis", "RdBu", ...); null for an unknown name.</summary>
    public static ColorScale? Named(string name) => NamedColorScales.TryGet(name, out var stops) ? FromPairs(stops) : null;

    public static ColorScale FromPairs(IEnumerable<(double Position, string Color)> stops) =>
        new([.. stops.Select(s => (s.Position, CssColor.Parse(s.Color) ?? throw new ArgumentException($"bad colour {s.Color}")))]);

    /// <summary>The same stops read from the top: plotly.js's <c>reversescale</c>.</summary>
    public ColorScale Reversed() => new([.. Stops.Reverse().Select(s => (1 - s.Position, s.Color))]);

    /// <summary>The colour at <paramref name="t"/> in [0, 1] (clamped).</summary>
    public CssColor ColorAt(double t)
    {
        double first = Stops[0].Position, last = Stops[^1].Position;
        t = Math.Clamp(t, first, last);
        int upper = 1;
        while (upper < Stops.Count - 1 && Stops[upper].Position < t) upper++;
        var (p0, c0) = Stops[upper - 1];
        var (p1, c1) = Stops[upper];
        double f = p1 > p0 ? (t - p0) / (p1 - p0) : 0;
        var (r0, g0, b0) = c0.Rgb();
        var (r1, g1, b1) = c1.Rgb();
        return CssColor.FromRgb(Lerp(r0, r1, f), Lerp(g0, g1, f), Lerp(b0, b1, f), c0.Alpha + (c1.Alpha - c0.Alpha) * f);
    }

    private static int Lerp(int a, int b, double f) => (int)Math.Round(a + (b - a) * f, MidpointRounding.AwayFromZero);
}
