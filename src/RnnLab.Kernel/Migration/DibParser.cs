using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Migration;

/// <summary>
/// Reads the .dib format of .NET Interactive / Polyglot Notebooks: plain text where a line that is
/// exactly "#!kernelName" starts a new cell, and an optional "#!meta" section holds JSON notebook
/// metadata (kernelInfo.defaultKernelName). Text before the first separator belongs to the default kernel.
/// </summary>
public static class DibParser
{
    /// <summary>Kernel names and aliases .NET Interactive wrote as cell separators.</summary>
    private static readonly HashSet<string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md",
        "sql", "kql", "mermaid", "http", "value", "meta",
    };

    public static (IReadOnlyList<DibCell> Cells, string DefaultKernel) Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var cells = new List<DibCell>();
        string defaultKernel = "csharp";
        string? kernel = null;
        var current = new List<string>();

        void Finish()
        {
            string source = string.Join('\n', current).Trim('\n');
            if (kernel == "meta") defaultKernel = DefaultKernelFrom(source) ?? defaultKernel;
            else if (source.Trim().Length > 0) cells.Add(new DibCell(kernel ?? defaultKernel, source));
            current.Clear();
        }

        foreach (string line in lines)
        {
            string trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && KernelNames.Contains(trimmed[2..]))
            {
                Finish();
                kernel = Normalize(trimmed[2..]);
                continue;
            }
            current.Add(line);
        }
        Finish();
        return (cells, defaultKernel);
    }

    /// <summary>Aliases to one name: c# is csharp, md is markdown, f# is fsharp, powershell is pwsh, js is javascript.</summary>
    public static string Normalize(string kernelName) => kernelName.ToLowerInvariant() switch
    {
        "c#" => "csharp",
        "f#" => "fsharp",
        "md" => "markdown",
        "powershell" => "pwsh",
        "js" => "javascript",
        var name => name,
    };

    private static string? DefaultKernelFrom(string metaJson)
    {
        try
        {
            return JsonNode.Parse(metaJson)?["kernelInfo"]?["defaultKernelName"] is JsonValue value && value.TryGetValue(out string? name)
                ? Normalize(name)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
