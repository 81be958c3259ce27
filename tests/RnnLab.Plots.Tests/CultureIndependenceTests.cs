using System.Globalization;

namespace RnnLab.Plots.Tests;

/// <summary>
/// Output must not depend on the culture a notebook runs under. A culture cloned from the
/// invariant one with a comma decimal separator and an odd minus sign stands in for de-DE (the
/// test project runs with invariant globalization, where real cultures cannot be created).
/// </summary>
public class CultureIndependenceTests
{
    [Fact]
    public void SvgJsonAndSummary_AreTheSameUnderACommaDecimalCulture()
    {
        var expected = SampleCharts.All().Select(s => (s.Chart.ToSvg(), s.Chart.ToJson(), s.Chart.ToString())).ToList();
        var original = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.NegativeSign = "~";
        try
        {
            CultureInfo.CurrentCulture = comma;
            CultureInfo.CurrentUICulture = comma;
            var actual = SampleCharts.All().Select(s => (s.Chart.ToSvg(), s.Chart.ToJson(), s.Chart.ToString())).ToList();
            Assert.Equal(expected, actual);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }
}
