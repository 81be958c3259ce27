using System.Text.RegularExpressions;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// An axis' kind and categories, as plotly.js decides them: the axis' <c>type</c> when set, else
/// its first trace's data (mostly text: category). Categories follow <c>categoryorder</c>,
/// "trace" (order of appearance) by default.
/// </summary>
internal static partial class AxisKinds
{
    public static AxisFrame Create(Figure figure, AxisId id, IReadOnlyList<FigureTrace> traces, FigureNotes notes)
    {
        var style = figure.Axis(id);
        var onAxis = traces.Where(t => (id.Letter == 'x' ? t.XAxis : t.YAxis) == id).ToList();
        var axis = new AxisFrame(id, style, Kind(figure, id, style, onAxis, notes));
        if (axis.Kind == ScaleKind.Category) AddCategories(axis, onAxis, notes);
        return axis;
    }

    private static ScaleKind Kind(Figure figure, AxisId id, StyleChain style, List<FigureTrace> onAxis, FigureNotes notes)
    {
        string? type = style.String("type");
        switch (type)
        {
            case "log": return ScaleKind.Log;
            case "category": return ScaleKind.Category;
            case "linear": return ScaleKind.Linear;
            case "multicategory":
                notes.Ignored($"layout.{id.LayoutKey}.type \"multicategory\" (drawn as a plain category axis)");
                return ScaleKind.Category;
        }
        var first = onAxis.Select(t => Column(t, id.Letter)).FirstOrDefault(c => c is { Count: > 0 });
        if (first is null) return ScaleKind.Linear;
        if (type == "date" || LooksLikeDates(first))
        {
            notes.Show($"{id.Ref} axis: dates are drawn as categories (date axes are not supported)");
            return ScaleKind.Category;
        }
        bool strict = (style.String("autotypenumbers") ?? figure.Layout.String("autotypenumbers")) == "strict";
        return first.LooksCategorical(strict) ? ScaleKind.Category : ScaleKind.Linear;
    }

    /// <summary>The array a trace puts on an axis of this letter; a heatmap without labels has none.</summary>
    public static DataArray? Column(FigureTrace trace, char letter) => letter == 'x' ? trace.X : trace.Y;

    private static void AddCategories(AxisFrame axis, List<FigureTrace> onAxis, FigureNotes notes)
    {
        string order = axis.Style.String("categoryorder") ?? "trace";
        if (order == "array" && axis.Style.Find("categoryarray") is { ValueKind: System.Text.Json.JsonValueKind.Array } given)
            foreach (var item in given.EnumerateArray())
                axis.AddCategory(item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString()! : item.GetRawText());
        var seen = new List<string>();
        foreach (var trace in onAxis)
        {
            var column = Column(trace, axis.Id.Letter);
            if (column is null)
            {
                // A heatmap without labels on a category axis sits at indices 0..n-1.
                int count = trace.Z is null ? 0 : axis.IsX ? trace.Z.Max(r => r.Length) : trace.Z.Length;
                seen.AddRange(Enumerable.Range(0, count).Select(i => JsonValues.NumberLabel(i)));
                continue;
            }
            for (int i = 0; i < column.Count; i++)
                if (column.Label(i) is { } label) seen.Add(label);
        }
        IEnumerable<string> ordered = order switch
        {
            "category ascending" => seen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            "category descending" => seen.Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal),
            _ => seen,
        };
        if (order is not ("trace" or "array" or "category ascending" or "category descending"))
            notes.Ignored($"layout.{axis.Id.LayoutKey}.categoryorder \"{order}\"");
        foreach (string label in ordered) axis.AddCategory(label);
    }

    /// <summary>ISO-like date text ("2024-01-31", "2024-01-31 12:00"): plotly.js would make a date axis.</summary>
    private static bool LooksLikeDates(DataArray column)
    {
        if (column.TextCount == 0) return false;
        int dates = 0, checkedCount = 0;
        for (int i = 0; i < column.Count && checkedCount < 20; i++)
        {
            if (column.Label(i) is not { } label || double.IsFinite(column.Numbers[i])) continue;
            checkedCount++;
            if (DateText().IsMatch(label)) dates++;
        }
        return checkedCount > 0 && dates == checkedCount;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}(-\d{2})?([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")]
    private static partial Regex DateText();
}
