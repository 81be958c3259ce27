using System.Reflection;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// Assemblies the kernel process itself provides: the shared framework and the kernel's own dependencies (Roslyn,
/// .NET Interactive's formatting API). Every session shares these one copies, so a package's copy of one of them
/// is never loaded; a package that needs a newer one than the kernel has cannot run here.
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> PathsByName = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    public static bool Contains(string simpleName) => PathsByName.Value.ContainsKey(simpleName);

    /// <summary>The version the kernel provides, or null when it provides no such assembly.</summary>
    public static Version? VersionOf(string simpleName) =>
        PathsByName.Value.TryGetValue(simpleName, out string? path) && File.Exists(path) ? AssemblyName.GetAssemblyName(path).Version : null;
}
