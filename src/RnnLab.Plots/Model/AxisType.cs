namespace RnnLab.Plots;

/// <summary>An axis' scale (Plotly's axis <c>type</c>). Auto picks category for text data, linear otherwise.</summary>
public enum AxisType
{
    Auto,
    Linear,
    Log,
    Category,
}
