namespace RnnLab.Kernel.Directives;

/// <summary>A built #:project: its assembly first, then the assemblies beside it; and its NuGet assets file, if it has packages.</summary>
public sealed record ProjectBuild(IReadOnlyList<string> Assemblies, string? AssetsFile);
