namespace RnnLab.Plots.Svg;

/// <summary>plotly.js's default look (no template): fonts, sizes and colours in one place.</summary>
internal static class Theme
{
    /// <summary>Plotly's font stack, ending in a generic family so every viewer finds a font.</summary>
    public const string FontFamily = "'Open Sans', verdana, arial, sans-serif";
    public const double FontSize = 12;
    public const double TitleFontSize = 17;
    public const double AxisTitleFontSize = 14;
    public const double NoteFontSize = 11;
    public const string TextColor = "#444444";
    public const string GridColor = "#eeeeee";
    public const string MinorGridColor = "#f6f6f6";
    public const string ZeroLineColor = "#444444";
    public const string NoteColor = "#b3261e";
    public const double LineWidth = 2;
    public const double MarkerSize = 6;
    public const int DefaultWidth = 700;
    public const int DefaultHeight = 450;
    public const double ColorBarThickness = 14;
    public const double ColorBarGap = 10;
    /// <summary>Room a colour bar takes beside its plot: gap, bar, ticks and labels.</summary>
    public const double ColorBarSpace = ColorBarGap + ColorBarThickness + 52;
}
