using System.Globalization;
using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// The axis domains plotly.js derives from <c>layout.grid</c> when the axes set none (Plotly.NET's
/// Chart.Grid writes rows, columns and pattern only). As in plotly.js's grid component: cells
/// split the grid's domain with gaps of xgap/ygap times one cell's share (0.2 and 0.3 for an
/// "independent" grid or an explicit subplots array, 0.1 otherwise), row 0 at the top unless
/// roworder is "bottom to top"; an independent grid gives cell k the axes x{k}/y{k}.
/// </summary>
internal sealed class GridDomains
{
    private readonly Dictionary<AxisId, (double Start, double End)> _domains = [];
    private readonly Dictionary<AxisId, AxisId> _anchors = [];

    public int Rows { get; private init; }

    public int Columns { get; private init; }

    public bool TryGetDomain(AxisId axis, out (double Start, double End) domain) => _domains.TryGetValue(axis, out domain);

    public bool TryGetAnchor(AxisId axis, out AxisId anchor) => _anchors.TryGetValue(axis, out anchor);

    /// <summary>The grid's domains, or null when the layout has no grid of at least two cells.</summary>
    public static GridDomains? From(StyleChain layout)
    {
        if (layout.Own.Member("grid") is not { ValueKind: JsonValueKind.Object }) return null;
        var grid = layout.Child("grid");
        var subplots = grid.Own.Member("subplots");
        var xAxes = grid.Own.Member("xaxes");
        var yAxes = grid.Own.Member("yaxes");
        bool hasSubplotArray = subplots is { ValueKind: JsonValueKind.Array } s && s.GetArrayLength() > 0 && s[0].ValueKind == JsonValueKind.Array;
        int rows = (int)(grid.Number("rows") ?? (hasSubplotArray ? subplots!.Value.GetArrayLength() : yAxes?.GetArrayLength() ?? 0));
        int columns = (int)(grid.Number("columns") ?? (hasSubplotArray ? subplots!.Value[0].GetArrayLength() : xAxes?.GetArrayLength() ?? 0));
        if (rows < 1 || columns < 1 || rows * columns <= 1) return null;

        bool independent = !hasSubplotArray && !xAxes.IsArray() && !yAxes.IsArray() && grid.String("pattern") == "independent";
        bool subplotGrid = hasSubplotArray || independent;
        bool topToBottom = (grid.String("roworder") ?? "top to bottom") == "top to bottom";
        var columnDomains = Split(columns, grid.Number("xgap") ?? (subplotGrid ? 0.2 : 0.1), Range(grid.Find("domain.x")), reversed: false);
        var rowDomains = Split(rows, grid.Number("ygap") ?? (subplotGrid ? 0.3 : 0.1), Range(grid.Find("domain.y")), reversed: topToBottom);

        var result = new GridDomains { Rows = rows, Columns = columns };
        for (int row = 0; row < rows; row++)
            for (int column = 0; column < columns; column++)
            {
                (AxisId X, AxisId Y)? cell = independent
                    ? (new AxisId('x', row * columns + column + 1), new AxisId('y', row * columns + column + 1))
                    : hasSubplotArray ? ParseSubplot(subplots!.Value, row, column)
                    : (AxisAt(xAxes, column, 'x'), AxisAt(yAxes, row, 'y'));
                if (cell is not { } c) continue;
                result._domains.TryAdd(c.X, columnDomains[column]);
                result._domains.TryAdd(c.Y, rowDomains[row]);
                // x axes sit on their lowest plot, y axes on their leftmost ("bottom plot", "left plot").
                if (topToBottom || !result._anchors.ContainsKey(c.X)) result._anchors[c.X] = c.Y;
                result._anchors.TryAdd(c.Y, c.X);
            }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> cells over <paramref name="domain"/>: each cell's step is the domain
    /// over (count − gap), the cell itself step·(1 − gap) of it, so the outer cells touch the edges.
    /// </summary>
    public static (double Start, double End)[] Split(int count, double gap, (double Start, double End) domain, bool reversed)
    {
        var cells = new (double, double)[count];
        double step = (domain.End - domain.Start) / (count - gap);
        double cell = step * (1 - gap);
        for (int i = 0; i < count; i++)
        {
            double start = domain.Start + step * i;
            cells[reversed ? count - 1 - i : i] = (start, start + cell);
        }
        return cells;
    }

    private static (double, double) Range(JsonElement? pair) =>
        pair is { ValueKind: JsonValueKind.Array } p && p.GetArrayLength() == 2
            && JsonValues.ToDouble(p[0]) is var a && JsonValues.ToDouble(p[1]) is var b && double.IsFinite(a) && double.IsFinite(b)
            ? (a, b) : (0, 1);

    private static AxisId AxisAt(JsonElement? list, int index, char letter) =>
        list is { ValueKind: JsonValueKind.Array } l && index < l.GetArrayLength() && AxisId.Parse(l[index].GetString()) is { } id
            ? id
            : new AxisId(letter, index + 1);

    private static (AxisId, AxisId)? ParseSubplot(JsonElement subplots, int row, int column)
    {
        if (row >= subplots.GetArrayLength() || subplots[row].ValueKind != JsonValueKind.Array || column >= subplots[row].GetArrayLength())
            return null;
        string? id = subplots[row][column].ValueKind == JsonValueKind.String ? subplots[row][column].GetString() : null;
        int y = id?.IndexOf('y', StringComparison.Ordinal) ?? -1;
        return y > 0 && AxisId.Parse(id![..y]) is { } xa && AxisId.Parse(id[y..]) is { } ya ? (xa, ya) : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows}x{Columns} grid");
}
