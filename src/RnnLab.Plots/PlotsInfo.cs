namespace RnnLab.Plots;

/// <summary>Placeholder until the figure model lands: the library's identity for display bundles.</summary>
public static class PlotsInfo
{
    /// <summary>The MIME type of Plotly's JSON figure format, which our figures will follow.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";
}
