using System.Globalization;

namespace RnnLab.Plots.Tests;

/// <summary>The same figure gives the same bytes: twice in a row, under another culture, with no shared counters.</summary>
public class FigureDeterminismTests
{
    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void RenderingTwice_GivesIdenticalBundles(string name)
    {
        string json = FigureFixtures.Json(name);
        var first = PlotlyFigureDisplay.ToMimeBundle(json);
        // Something else rendered in between must not shift ids or anything else.
        PlotlyFigureDisplay.ToSvg(FigureFixtures.Json("grid-2x2"));
        var second = PlotlyFigureDisplay.ToMimeBundle(json);
        Assert.Equal(first, second);
    }

    [Fact]
    public void ACommaDecimalCulture_ChangesNothing()
    {
        var expected = FigureFixtures.Names.Select(n => PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json(n))).ToList();
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        // A clone of the invariant culture with de-DE's separators (real cultures are unavailable
        // under invariant globalization) and an odd minus sign.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = comma;
            var actual = FigureFixtures.Names.Select(n => PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json(n))).ToList();
            Assert.Equal(expected, actual);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void DifferentFigures_GetDifferentIds_SoTwoChartsOnOnePageCannotClash()
    {
        string IdOf(string name) => new SvgDocument(PlotlyFigureDisplay.ToSvg(FigureFixtures.Json(name))).All("clipPath").First().Attribute("id")!.Value;
        var ids = FigureFixtures.Names.Select(IdOf).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
