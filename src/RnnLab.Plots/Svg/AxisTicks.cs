using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Tick positions and labels of an axis: the figure's own (tickvals/ticktext, dtick/tick0, nticks)
/// or plotly.js's automatic choice for the axis' pixel length. Along x, automatic ticks thin out
/// until their labels fit side by side (plotly.js would tilt them instead).
/// </summary>
internal static class AxisTicks
{
    public static TickSet For(AxisFrame axis, double fontSize)
    {
        var (low, high) = axis.Span;
        if (axis.Style.String("tickmode") == "array" || (axis.Style.Find("tickvals").IsArray() && axis.Style.String("tickmode") is null))
            return Given(axis, low, high);
        double count = axis.Style.Number("nticks") is { } n && n > 0 ? n
            : axis.Kind == ScaleKind.Category ? axis.Length / 15
            : NiceTicks.TargetCount(axis.Length, axis.IsX);
        var ticks = Automatic(axis, low, high, count);
        while (axis.IsX && count > 2 && Crowded(ticks, axis.Length, fontSize))
            ticks = Automatic(axis, low, high, --count);
        return ticks;
    }

    private static TickSet Automatic(AxisFrame axis, double low, double high, double count)
    {
        if (axis.Kind == ScaleKind.Log)
        {
            var dtick = axis.Style.Find("dtick");
            if (dtick.AsNumber() is { } decades && decades > 0)
                return LogTicks.Create(low, high, (high - low) / Math.Ceiling(decades));
            return LogTicks.Create(low, high, count);
        }
        if (axis.Kind == ScaleKind.Category)
        {
            int stride = Math.Max(1, (int)Math.Ceiling((high - low) / Math.Max(1, count)));
            var kept = Enumerable.Range(0, axis.Categories.Count).Where(i => i >= low - 1e-9 && i <= high + 1e-9 && i % stride == 0).ToList();
            return new TickSet([.. kept.Select(i => (double)i)], [.. kept.Select(i => new TickLabel(RichText.Plain(axis.Categories[i])))]);
        }
        double step = axis.Style.Number("dtick") is { } d && d > 0 ? d : NiceTicks.Step(high - low, count);
        double[] values = NiceTicks.Values(low, high, step, axis.Style.Number("tick0") ?? 0);
        int exponent = TickLabel.Exponent(low, high);
        return new TickSet(values, Array.ConvertAll(values, v => TickLabel.Linear(v, step, exponent)));
    }

    /// <summary>tickvals (data units; category names or indices) with ticktext as labels.</summary>
    private static TickSet Given(AxisFrame axis, double low, double high)
    {
        var positions = new List<double>();
        var labels = new List<TickLabel>();
        var texts = axis.Style.Find("ticktext");
        if (axis.Style.Find("tickvals") is { ValueKind: JsonValueKind.Array } values)
        {
            int i = 0;
            foreach (var value in values.EnumerateArray())
            {
                double s = axis.PositionToScale(value);
                if (double.IsFinite(s) && s >= low - 1e-9 && s <= high + 1e-9)
                {
                    positions.Add(s);
                    string text = texts is { ValueKind: JsonValueKind.Array } t && i < t.GetArrayLength()
                        ? (t[i].ValueKind == JsonValueKind.String ? t[i].GetString()! : t[i].GetRawText())
                        : value.ValueKind == JsonValueKind.String ? value.GetString()! : TickLabel.Linear(JsonValues.ToDouble(value), 1e-6).Main;
                    labels.Add(new TickLabel(RichText.Plain(text)));
                }
                i++;
            }
        }
        return new TickSet([.. positions], [.. labels]);
    }

    /// <summary>Whether labels along an axis of <paramref name="pixels"/> would touch.</summary>
    private static bool Crowded(TickSet ticks, double pixels, double fontSize) =>
        ticks.Labels.Sum(l => TextMetrics.Width(l, fontSize) + 8) > pixels;
}
