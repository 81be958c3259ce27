namespace RnnLab.Kernel.Magics;

/// <summary>
/// The .NET Interactive magic commands (#!name lines) and what this kernel does with each: the
/// supported ones, the C# selectors accepted silently, and the polyglot ones it rejects by name.
/// </summary>
public static class MagicCommands
{
    public const string Time = "#!time";
    public const string Who = "#!who";
    public const string Whos = "#!whos";
    public const string LsMagic = "#!lsmagic";
    public const string Html = "#!html";
    public const string Markdown = "#!markdown";

    /// <summary>Supported magics with the one-line help #!lsmagic prints.</summary>
    public static readonly IReadOnlyList<(string Name, string Help)> Supported =
    [
        (Time, "reports the wall time the cell took"),
        (Who, "lists the names of the variables defined so far"),
        (Whos, "lists the variables with their type and value"),
        (LsMagic, "lists these magic commands and the directives"),
        (Html, "shows the rest of the cell as HTML"),
        (Markdown, "shows the rest of the cell as Markdown"),
        ("#!csharp", "accepted and ignored: every cell is C#"),
    ];

    /// <summary>Directives (not magics, but what #!lsmagic lists next to them).</summary>
    public static readonly IReadOnlyList<(string Name, string Help)> Directives =
    [
        ("#r \"path.dll\"", "references an assembly (relative to the notebook's folder)"),
        ("#r \"nuget: Id, Version\"", "references a NuGet package (also #:package Id@Version)"),
        ("#i \"nuget: source\"", "adds a package source (URL or folder)"),
        ("#:project path", "builds a project and references its output"),
    ];

    /// <summary>C# selectors: a no-op here, kept so cells from .NET Interactive run unchanged.</summary>
    public static readonly IReadOnlySet<string> CSharpSelectors = new HashSet<string>(StringComparer.Ordinal) { "#!csharp", "#!c#", "#!C#" };

    /// <summary>Magics of .NET Interactive that need other languages or its multi-kernel machinery.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unsupported = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["#!fsharp"] = "F# cells cannot run here: this kernel runs C# only",
        ["#!f#"] = "F# cells cannot run here: this kernel runs C# only",
        ["#!pwsh"] = "PowerShell cells cannot run here: this kernel runs C# only",
        ["#!powershell"] = "PowerShell cells cannot run here: this kernel runs C# only",
        ["#!javascript"] = "JavaScript cells cannot run here; return HTML(\"<script>...</script>\") from C# instead",
        ["#!js"] = "JavaScript cells cannot run here; return HTML(\"<script>...</script>\") from C# instead",
        ["#!sql"] = "SQL kernels are not available: this kernel runs C# only",
        ["#!kql"] = "KQL kernels are not available: this kernel runs C# only",
        ["#!mermaid"] = "Mermaid cells are not rendered by this kernel; use a Markdown cell",
        ["#!http"] = "HTTP cells are not available: use System.Net.Http.HttpClient from C#",
        ["#!share"] = "there is only one kernel, so there is nothing to share variables with",
        ["#!set"] = "there is only one kernel, so there is nothing to set variables from",
        ["#!value"] = "value kernels are not available; put the text in a C# string (File.ReadAllText for files)",
        ["#!connect"] = "connecting other kernels is not available",
        ["#!about"] = "kernel_info (Help > About in the front end) describes this kernel",
        ["#!import"] = "importing files is not available; reference code with #:project path or #r \"path.dll\"",
        ["#!log"] = "kernel logging is not available",
        ["#!lsmagic-all"] = "only #!lsmagic is available",
        ["#!meta"] = "#!meta belongs in .dib files; convert them with `RnnLab.Kernel convert`",
    };
}
