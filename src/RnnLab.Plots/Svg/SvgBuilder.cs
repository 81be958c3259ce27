using System.Globalization;
using System.Text;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Appends SVG text with invariant, bounded-precision numbers (at most 2 decimals, trailing zeros
/// trimmed), so output is small and identical on every machine and culture.
/// </summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder _text = new(16 * 1024);

    public SvgBuilder Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public SvgBuilder Raw(char c)
    {
        _text.Append(c);
        return this;
    }

    /// <summary>A coordinate rounded to 0.01 px: finer than any screen, coarse enough to keep files small.</summary>
    public SvgBuilder Num(double value)
    {
        // Pixels far outside any view (a point at 1e300) are clamped rather than overflowing.
        value = double.IsNaN(value) ? 0 : Math.Clamp(value, -1e9, 1e9);
        long hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        if (hundredths < 0)
        {
            _text.Append('-');
            hundredths = -hundredths;
        }
        _text.Append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0)
        {
            _text.Append('.').Append((char)('0' + fraction / 10));
            if (fraction % 10 != 0) _text.Append((char)('0' + fraction % 10));
        }
        return this;
    }

    /// <summary>An attribute with a numeric value: <c> name="12.5"</c>.</summary>
    public SvgBuilder Attr(string name, double value)
    {
        _text.Append(' ').Append(name).Append("=\"");
        Num(value);
        _text.Append('"');
        return this;
    }

    /// <summary>An attribute with a text value, escaped.</summary>
    public SvgBuilder Attr(string name, string value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        return this;
    }

    /// <summary><c> fill="#rrggbb"</c>, plus fill-opacity when the colour is translucent.</summary>
    public SvgBuilder Fill(Figures.CssColor color) => Paint("fill", color);

    /// <summary><c> stroke="#rrggbb"</c>, plus stroke-opacity when the colour is translucent.</summary>
    public SvgBuilder Stroke(Figures.CssColor color) => Paint("stroke", color);

    private SvgBuilder Paint(string name, Figures.CssColor color)
    {
        if (color.IsTransparent) return Raw(' ').Raw(name).Raw("=\"none\"");
        Attr(name, color.Hex);
        if (color.Alpha < 1) Attr(name + "-opacity", color.Alpha);
        return this;
    }

    /// <summary>An open &lt;rect&gt; between two corners given in any order (the caller adds attributes and closes it).</summary>
    public SvgBuilder Rect(double x0, double y0, double x1, double y1) =>
        Raw("<rect").Attr("x", Math.Min(x0, x1)).Attr("y", Math.Min(y0, y1))
            .Attr("width", Math.Abs(x1 - x0)).Attr("height", Math.Abs(y1 - y0));

    /// <summary>An XML comment; "--" cannot occur inside one, so it is broken up.</summary>
    public SvgBuilder Comment(string text)
    {
        _text.Append("<!-- ").Append(text.Replace("--", "- -", StringComparison.Ordinal)).Append(" -->\n");
        return this;
    }

    /// <summary>Escaped character data.</summary>
    public SvgBuilder Text(string text)
    {
        _text.Append(Escape(text));
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Escapes the five XML special characters (safe in text and attributes alike).</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        return escaped.ToString();
    }
}
