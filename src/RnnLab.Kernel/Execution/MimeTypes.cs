namespace RnnLab.Kernel.Execution;

/// <summary>The MIME types the kernel itself produces.</summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";

    /// <summary>Jupyter sends JSON MIME types (application/json, application/vnd.plotly.v1+json) as parsed JSON.</summary>
    public static bool IsJson(string mimeType) => mimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
}
