namespace RnnLab.Plots.Svg;

/// <summary>Cell edges of a heatmap along one axis, in scale units.</summary>
internal static class HeatmapGeometry
{
    /// <summary>
    /// n+1 edges for n cells: halfway between neighbouring centres, half a step beyond the ends
    /// (Plotly's rule). Without labels the centres are 0..n-1; text labels use category indices.
    /// </summary>
    public static double[] Edges(DataColumn? labels, int count, ResolvedAxis axis)
    {
        var centres = new double[count];
        for (int i = 0; i < count; i++)
            centres[i] = labels is null
                ? (axis.Kind == ScaleKind.Category ? axis.ToScale(i) : i)
                : axis.ToScale(labels, i);
        var edges = new double[count + 1];
        if (count == 1)
        {
            edges[0] = centres[0] - 0.5;
            edges[1] = centres[0] + 0.5;
            return edges;
        }
        for (int i = 1; i < count; i++) edges[i] = (centres[i - 1] + centres[i]) / 2;
        edges[0] = centres[0] - (centres[1] - centres[0]) / 2;
        edges[count] = centres[count - 1] + (centres[count - 1] - centres[count - 2]) / 2;
        return edges;
    }
}
