namespace RnnLab.Plots.Svg;

/// <summary>
/// Text width estimate without a font engine: 0.6 em per character is a little wider than
/// Arial/Verdana digits, so space reserved from it is enough for labels and legend names.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize) => text.Length * fontSize * 0.6;

    public static double Width(TickLabel label, double fontSize) =>
        Width(label.Main, label.Small ? fontSize * 0.75 : fontSize) + (label.Superscript is { } sup ? Width(sup, fontSize * 0.75) : 0);

    /// <summary>Text cut to <paramref name="maxChars"/> characters with an ellipsis, for legends and category labels.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "…");
}
