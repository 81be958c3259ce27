using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// What cells compile against.
/// Roslyn binds every reference anew for each cell's compilation, so memory and time per cell
/// grow with the number of references: cells get a curated set of framework assemblies (the
/// everyday BCL), and assemblies added by #r/#:project/packages bring the framework assemblies
/// they themselves reference. Anything else: #r "System.Xyz.dll" by name.
/// </summary>
internal static class ReferenceAssemblies
{
    private static readonly string[] DefaultFramework =
    [
        "System.Private.CoreLib", "System.Runtime", "System.Console", "System.Linq", "System.Collections",
        "System.Collections.Concurrent", "System.Collections.Immutable", "System.Linq.Expressions", "System.ObjectModel",
        "System.Runtime.Numerics", "System.Numerics.Vectors", "System.Memory", "System.Text.RegularExpressions",
        "System.Text.Json", "System.Threading", "System.Threading.Tasks.Parallel", "System.Net.Http", "System.Net.Primitives",
        "System.Private.Uri", "System.ComponentModel.Primitives", "System.Diagnostics.Process", "System.Security.Cryptography",
        "System.Runtime.InteropServices", "System.Xml.ReaderWriter", "System.Private.Xml", "System.Xml.Linq", "System.Private.Xml.Linq",
        "Microsoft.CSharp", "netstandard", "mscorlib",
    ];

    /// <summary>Framework assembly paths by simple name (the running shared framework).</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> FrameworkByName = new(() =>
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The default references of every cell: the curated framework set, the kernel's display API and .NET Interactive's formatting API.</summary>
    public static readonly Lazy<IReadOnlyList<MetadataReference>> Default = new(() =>
        DefaultFramework.Where(FrameworkByName.Value.ContainsKey)
            .Select(name => FrameworkByName.Value[name])
            .Append(typeof(ReferenceAssemblies).Assembly.Location)
            // .NET Interactive's formatting API, as Polyglot offered it without a #r. By path, not by type:
            // loading it here would make every session pay for its default formatters (FormatterRegistrations).
            .Append(Path.Combine(AppContext.BaseDirectory, FormatterRegistrations.FormattingAssembly + ".dll"))
            // Mapped, not read: CreateFromFile copies each whole image (about 60 MB for this set, a sixth of a
            // second at start-up) where binding needs only the metadata. The shared framework never changes
            // under a running process, so keeping its files mapped is safe.
            .Select(p => (MetadataReference)AssemblyMetadata.CreateFromFile(p).GetReference(filePath: p))
            .ToList());

    /// <summary>The shared-framework file of an assembly name ("System.Data.Common"), if there is one.</summary>
    public static string? FrameworkPath(string simpleName) => FrameworkByName.Value.GetValueOrDefault(simpleName);

    /// <summary>Framework assemblies that <paramref name="assemblyPath"/> references (so its public types compile).</summary>
    public static IEnumerable<string> FrameworkDependencies(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return [];
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .Select(FrameworkPath)
            .OfType<string>()
            .ToList();
    }
}
