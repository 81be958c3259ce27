using System.Text.Json.Nodes;

namespace RnnLab.Kernel;

/// <summary>How this kernel names itself to Jupyter: kernelspec, language_info, implementation.</summary>
public static class KernelIdentity
{
    public const string KernelName = "rnnlab-csharp";
    public const string DisplayName = "C# (RnnLab)";
    public const string Language = "csharp";
    public const string ProtocolVersion = "5.3";
    public const string Implementation = "rnnlab-kernel";

    /// <summary>The C# language version cells compile with.</summary>
    public const string LanguageVersion = "14.0";

    public static string ImplementationVersion =>
        typeof(KernelIdentity).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = Language,
        ["version"] = LanguageVersion,
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    public static JsonObject KernelSpecMetadata() => new()
    {
        ["name"] = KernelName,
        ["display_name"] = DisplayName,
        ["language"] = Language,
    };
}
