using System.Collections.Immutable;

namespace RnnLab.Plots;

public static partial class Chart
{
    /// <summary>
    /// Overlays charts on one pair of axes (Plotly.NET's <c>Chart.Combine</c>): traces in order,
    /// layouts merged so later charts' settings win.
    /// </summary>
    public static GenericChart Combine(params IEnumerable<GenericChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var list = charts.ToList();
        if (list.Count == 0) throw new ArgumentException("Combine needs at least one chart.", nameof(charts));
        var traces = list.SelectMany(c => c.Traces).ToImmutableArray();
        var layout = list.Skip(1).Aggregate(list[0].Layout, (acc, c) => acc.MergedWith(c.Layout));
        return new GenericChart(traces, layout, list.Any(c => c.IncludePlotlyJson));
    }

    /// <summary>
    /// Subplots: chart i goes to row i / nCols, column i % nCols (row 0 at the top), each on its own
    /// axes (Plotly's grid with pattern "independent"). Each chart keeps its axis styles; its title
    /// becomes the subplot's title. Plotly.NET writes this curried, <c>Chart.Grid(nRows, nCols)(charts)</c>;
    /// <see cref="Grid(int, int)"/> offers that form too.
    /// </summary>
    public static GenericChart Grid(IEnumerable<GenericChart> charts, int nRows, int nCols)
    {
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentOutOfRangeException.ThrowIfLessThan(nRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nCols, 1);
        var list = charts.ToList();
        if (list.Count == 0) throw new ArgumentException("Grid needs at least one chart.", nameof(charts));
        if (list.Count > nRows * nCols)
            throw new ArgumentException($"{list.Count} charts do not fit a {nRows}x{nCols} grid.", nameof(charts));

        // Gaps leave room for the right neighbour's tick labels and for titles above rows.
        double xGap = nCols == 1 ? 0 : 0.12;
        double yGap = nRows == 1 ? 0 : 0.22;
        double cellWidth = (1 - xGap * (nCols - 1)) / nCols;
        double cellHeight = (1 - yGap * (nRows - 1)) / nRows;

        var traces = ImmutableArray.CreateBuilder<Trace>();
        var layout = new Layout { Grid = new GridLayout(nRows, nCols) };
        for (int i = 0; i < list.Count; i++)
        {
            var child = list[i];
            if (child.Layout.Grid is not null || child.Traces.Any(t => t.XAxis != 1 || t.YAxis != 1))
                throw new ArgumentException($"Chart {i} is itself a grid; grids cannot be nested.", nameof(charts));
            int id = i + 1, row = i / nCols, col = i % nCols;
            // A cell's colour bars sit inside its width, right of its (narrower) axes, so neither
            // plotly.js nor our SVG lets them run into the neighbour or the legend.
            int colorBars = child.Traces.Count(t => t.HasColorBar);
            double cellStart = col * (cellWidth + xGap);
            var xDomain = (Start: Round(cellStart), End: Round(cellStart + cellWidth - colorBars * ColorBarWidth));
            double top = 1 - row * (cellHeight + yGap);
            var yDomain = (Start: Round(top - cellHeight), End: Round(top));
            int barIndex = 0;
            foreach (var trace in child.Traces)
                traces.Add(trace with
                {
                    XAxis = id,
                    YAxis = id,
                    ColorBar = trace.HasColorBar
                        ? new ColorBar(Round(xDomain.End + 0.01 + ColorBarWidth * barIndex++), Round((yDomain.Start + yDomain.End) / 2), Round(cellHeight))
                        : trace.ColorBar,
                });
            var childLayout = child.Layout;
            layout = layout with
            {
                XAxes = layout.XAxes.SetItem(id, childLayout.XAxis(1) with { Domain = xDomain, Anchor = id }),
                YAxes = layout.YAxes.SetItem(id, childLayout.YAxis(1) with { Domain = yDomain, Anchor = id }),
                ShowLegend = childLayout.ShowLegend ?? layout.ShowLegend,
                Annotations = childLayout.Title is null ? layout.Annotations
                    : layout.Annotations.Add(new Annotation(childLayout.Title, Round((xDomain.Start + xDomain.End) / 2), yDomain.End)),
            };
        }
        // Room for each cell unless the user sizes the figure afterwards with WithSize.
        layout = layout with { Width = 120 + 380 * nCols, Height = 100 + 300 * nRows };
        return new GenericChart(traces.ToImmutable(), layout, list.Any(c => c.IncludePlotlyJson));
    }

    /// <summary>Plotly.NET's curried form: <c>Chart.Grid(2, 2)(charts)</c>.</summary>
    public static Func<IEnumerable<GenericChart>, GenericChart> Grid(int nRows, int nCols) =>
        charts => Grid(charts, nRows, nCols);

    /// <summary>Share of the figure's plot width one colour bar (bar, ticks, labels) takes in a grid cell.</summary>
    private const double ColorBarWidth = 0.1;

    // Domains rounded so the JSON and the SVG carry short, stable numbers.
    private static double Round(double fraction) => Math.Round(fraction, 6);
}
