using System.Globalization;

namespace RnnLab.Plots.Figures;

/// <summary>
/// A colour as plotly.js accepts it ("#rgb", "#rrggbb", "rgb(r, g, b)", "rgba(r, g, b, a)", CSS
/// names), kept as "#rrggbb" plus an opacity: SVG viewers all understand that pair, and it is
/// shorter than Plotly.NET's "rgba(99, 110, 250, 1.0)".
/// </summary>
internal readonly record struct CssColor(string Hex, double Alpha)
{
    public bool IsTransparent => Alpha <= 0;

    public static CssColor FromRgb(int r, int g, int b, double alpha = 1) =>
        new(string.Create(CultureInfo.InvariantCulture, $"#{Clamp(r):x2}{Clamp(g):x2}{Clamp(b):x2}"), Math.Clamp(alpha, 0, 1));

    /// <summary>The colour, or null when <paramref name="text"/> is not one this parser knows.</summary>
    public static CssColor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string s = text.Trim().ToLowerInvariant();
        if (s[0] == '#') return ParseHex(s);
        if (s.StartsWith("rgb", StringComparison.Ordinal)) return ParseRgb(s);
        if (s == "transparent") return new("#000000", 0);
        return Named.TryGetValue(s, out string? hex) ? new(hex, 1) : null;
    }

    /// <summary>RGB components of the hex form.</summary>
    public (int R, int G, int B) Rgb()
    {
        int rgb = int.Parse(Hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private static CssColor? ParseHex(string s)
    {
        if (s.Length == 4) s = string.Concat("#", new string(s[1], 2), new string(s[2], 2), new string(s[3], 2));
        if (s.Length == 9 && int.TryParse(s.AsSpan(7), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int a))
            return int.TryParse(s.AsSpan(1, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _) ? new(s[..7], a / 255.0) : null;
        return s.Length == 7 && int.TryParse(s.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _) ? new(s, 1) : null;
    }

    private static CssColor? ParseRgb(string s)
    {
        int open = s.IndexOf('('), close = s.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        var parts = s[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (3 or 4)) return null;
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i];
            bool percent = p.EndsWith('%');
            if (!double.TryParse(percent ? p[..^1] : p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
            if (percent) values[i] = i < 3 ? values[i] * 2.55 : values[i] / 100;
        }
        return FromRgb((int)Math.Round(values[0]), (int)Math.Round(values[1]), (int)Math.Round(values[2]), parts.Length == 4 ? values[3] : 1);
    }

    private static int Clamp(int component) => Math.Clamp(component, 0, 255);

    /// <summary>The CSS names figures commonly use; others are reported as unknown colours.</summary>
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["black"] = "#000000", ["white"] = "#ffffff", ["red"] = "#ff0000", ["green"] = "#008000",
        ["blue"] = "#0000ff", ["yellow"] = "#ffff00", ["orange"] = "#ffa500", ["purple"] = "#800080",
        ["gray"] = "#808080", ["grey"] = "#808080", ["lightgray"] = "#d3d3d3", ["lightgrey"] = "#d3d3d3",
        ["darkgray"] = "#a9a9a9", ["darkgrey"] = "#a9a9a9", ["silver"] = "#c0c0c0", ["navy"] = "#000080",
        ["teal"] = "#008080", ["maroon"] = "#800000", ["olive"] = "#808000", ["lime"] = "#00ff00",
        ["aqua"] = "#00ffff", ["cyan"] = "#00ffff", ["magenta"] = "#ff00ff", ["fuchsia"] = "#ff00ff",
        ["pink"] = "#ffc0cb", ["brown"] = "#a52a2a", ["gold"] = "#ffd700", ["crimson"] = "#dc143c",
        ["darkblue"] = "#00008b", ["darkred"] = "#8b0000", ["darkgreen"] = "#006400", ["steelblue"] = "#4682b4",
        ["royalblue"] = "#4169e1", ["firebrick"] = "#b22222", ["tomato"] = "#ff6347", ["salmon"] = "#fa8072",
        ["lightblue"] = "#add8e6", ["lightgreen"] = "#90ee90", ["darkorange"] = "#ff8c00", ["indigo"] = "#4b0082",
        ["violet"] = "#ee82ee", ["seagreen"] = "#2e8b57", ["slategray"] = "#708090", ["dimgray"] = "#696969",
    };
}
