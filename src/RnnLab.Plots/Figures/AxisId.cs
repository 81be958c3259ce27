using System.Globalization;

namespace RnnLab.Plots.Figures;

/// <summary>
/// A cartesian axis reference as plotly.js writes it: "x", "x2", "y3". The layout key is
/// "xaxis", "xaxis2", "yaxis3".
/// </summary>
internal readonly record struct AxisId(char Letter, int Number) : IComparable<AxisId>
{
    public static AxisId X1 => new('x', 1);

    public static AxisId Y1 => new('y', 1);

    public string Ref => Number == 1 ? Letter.ToString() : Letter + Number.ToString(CultureInfo.InvariantCulture);

    public string LayoutKey => Number == 1 ? Letter + "axis" : Letter + "axis" + Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"x", "x2", "y10" (also "x1"); null for anything else, including "paper" and "x domain".</summary>
    public static AxisId? Parse(string? text)
    {
        if (text is null || text.Length == 0 || (text[0] != 'x' && text[0] != 'y')) return null;
        if (text.Length == 1) return new AxisId(text[0], 1);
        return int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? new AxisId(text[0], n) : null;
    }

    /// <summary>The axis a layout key names ("yaxis2" gives y2); null for other keys.</summary>
    public static AxisId? FromLayoutKey(string key) =>
        key.Length >= 5 && key.AsSpan(1).StartsWith("axis") && (key[0] == 'x' || key[0] == 'y')
            ? (key.Length == 5 ? new AxisId(key[0], 1) : Parse(key[0] + key[5..]))
            : null;

    public int CompareTo(AxisId other) => Letter != other.Letter ? Letter.CompareTo(other.Letter) : Number.CompareTo(other.Number);

    public override string ToString() => Ref;
}
