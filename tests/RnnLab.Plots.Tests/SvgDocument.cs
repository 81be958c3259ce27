using System.Globalization;
using System.Xml.Linq;

namespace RnnLab.Plots.Tests;

/// <summary>An SVG parsed for structural assertions: texts with their positions, elements by name.</summary>
public sealed class SvgDocument(string svg)
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public XDocument Xml { get; } = XDocument.Parse(svg);

    public string Text { get; } = svg;

    public IEnumerable<XElement> All(string name) => Xml.Descendants(Svg + name);

    /// <summary>Every &lt;text&gt; with its anchor point.</summary>
    public List<(string Text, double X, double Y)> Texts() =>
        [.. All("text").Select(t => (t.Value, Number(t, "x"), Number(t, "y")))];

    /// <summary>The one text reading exactly <paramref name="text"/>.</summary>
    public (double X, double Y) Where(string text) => Texts().Single(t => t.Text == text) is var t ? (t.X, t.Y) : default;

    /// <summary>Rectangles of the clip paths: one per subplot, in subplot order.</summary>
    public List<(double X, double Y, double Width, double Height)> PlotAreas() =>
        [.. All("clipPath").Select(c => c.Element(Svg + "rect")!)
            .Select(r => (Number(r, "x"), Number(r, "y"), Number(r, "width"), Number(r, "height")))];

    public static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
