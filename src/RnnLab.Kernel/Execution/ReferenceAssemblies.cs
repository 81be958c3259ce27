using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// What cells compile against: the whole shared framework (so any BCL type works without #r) plus
/// the kernel's display API. Also the runtime side: assemblies next to referenced ones are found
/// when the runtime asks for them.
/// </summary>
internal static class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<string, byte> ProbeDirectories = new(StringComparer.Ordinal);
    private static int s_resolverInstalled;

    public static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(() =>
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal));
        return trusted.Append(typeof(ReferenceAssemblies).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    });

    /// <summary>Lets the runtime find dependencies of referenced assemblies in their folders.</summary>
    public static void AddProbeDirectory(string directory)
    {
        ProbeDirectories.TryAdd(directory, 0);
        if (Interlocked.Exchange(ref s_resolverInstalled, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (string directory in ProbeDirectories.Keys)
        {
            string candidate = Path.Combine(directory, name.Name + ".dll");
            // A file may be named like the assembly without being it: check before loading.
            if (File.Exists(candidate) && AssemblyName.GetAssemblyName(candidate).Name == name.Name)
                return context.LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
