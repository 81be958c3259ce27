using RnnLab.Kernel.Directives;
using RnnLab.TorchSharpNative;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// One session's packages as one graph: every <c>#r "nuget: ..."</c> line and every <c>#:project</c>'s packages are
/// restored together, so NuGet picks one version of each package, and every assembly and native library loads from
/// one path (libtorch loaded from two files aborts the process). A request that would change an assembly the session
/// already uses fails with both versions named: .NET cannot unload it, so only a restart can.
/// </summary>
internal sealed class SessionPackageGraph(NuGetPackageResolver resolver, SessionLoadContext context)
{
    private readonly List<PackageRequest> _requests = [];
    private readonly Dictionary<string, ResolvedAssembly> _assemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _nativeDirectories = new(StringComparer.Ordinal);

    /// <summary>The native library folders of the session's packages so far.</summary>
    public IReadOnlyCollection<string> NativeDirectories => _nativeDirectories;

    /// <summary>True when a package of this session provides an assembly of that simple name.</summary>
    public bool Provides(string simpleName) => _assemblies.ContainsKey(simpleName);

    /// <summary>
    /// Adds <paramref name="added"/> to the session's requests, resolves the whole set, and returns the paths of the
    /// assemblies new to the session (to reference). Nothing changes when it throws.
    /// </summary>
    /// <param name="origin">The line that asked, as messages quote it: <c>#r "nuget: FSharp.Core, 11.0.101"</c>.</param>
    public IReadOnlyList<string> Add(IReadOnlyList<PackageRequest> added, string origin, IReadOnlyList<string> sources, string? nugetConfig,
        Action<string>? progress = null)
    {
        var requests = Merge(_requests, added);
        if (requests.SequenceEqual(_requests)) return [];
        string requested = string.Join(", ", added.Select(r => r.ToString()));
        var resolution = resolver.Resolve(requests, sources, nugetConfig, requested, progress);

        var fresh = new List<ResolvedAssembly>();
        foreach (var assembly in resolution.Assemblies)
        {
            if (HostAssemblies.VersionOf(assembly.Name) is { } hostVersion)
            {
                if (Version.TryParse(assembly.Version, out var wanted) && wanted > hostVersion)
                    throw new DirectiveError($"{origin} needs {assembly.Name} {wanted} (from {assembly.Package}), but this kernel provides "
                        + $"{assembly.Name} {hostVersion} to every session and cannot load another.");
                continue; // The kernel's copy serves: one copy per process, shared with the kernel itself.
            }
            if (_assemblies.TryGetValue(assembly.Name, out var existing))
            {
                if (existing.Path != assembly.Path)
                    throw new DirectiveError($"{origin} needs {assembly.Package}, but this session already uses {existing.Package} "
                        + $"(assembly {assembly.Name}). A session loads one version of each package: restart the kernel and run {origin} "
                        + "before the line that brought in the other version.");
                continue;
            }
            fresh.Add(assembly);
        }

        _requests.Clear();
        _requests.AddRange(requests);
        foreach (var assembly in fresh)
        {
            _assemblies[assembly.Name] = assembly;
            context.Add(assembly.Name, assembly.Path);
        }
        foreach (string directory in resolution.NativeDirectories)
            if (_nativeDirectories.Add(directory)) context.AddNativeDirectory(directory);
        PreloadTorchSharpNatives(resolution, origin);
        return fresh.Select(a => a.Path).ToList();
    }

    /// <summary>
    /// TorchSharp loads libtorch itself when a cell first touches <c>torch</c>; it must find the graph's files already
    /// loaded, or it copies about 480 MB of natives into NuGet's folder and, on Debian 12's libstdc++, fails anyway.
    /// Done here, at the #r, so whatever cell comes next finds torch working (src/TorchSharpNative/README.md).
    /// </summary>
    private static void PreloadTorchSharpNatives(PackageResolution resolution, string origin)
    {
        if (!resolution.NativeFiles.Any(f => Path.GetFileName(f) == TorchSharpNativeFiles.ShimFileName)) return;
        try
        {
            LibTorchSharpPreloader.Preload(resolution.NativeDirectories, PatchedShimCache.DefaultDirectory());
        }
        catch (InvalidOperationException e)
        {
            throw new DirectiveError($"{origin}: TorchSharp's native libraries could not be loaded. {e.Message}");
        }
    }

    /// <summary>
    /// The requests so far plus the new ones. Versions are minimums, as in a PackageReference: of two requests for
    /// one package the higher stands (a lower one would be a downgrade, which NuGet refuses).
    /// </summary>
    private static List<PackageRequest> Merge(IReadOnlyList<PackageRequest> existing, IReadOnlyList<PackageRequest> added)
    {
        var merged = existing.ToList();
        foreach (var request in added)
        {
            int index = merged.FindIndex(r => string.Equals(r.Id, request.Id, StringComparison.OrdinalIgnoreCase));
            if (index < 0) merged.Add(request);
            else if (request.Version is not null && (merged[index].Version is null || IsHigher(request.Version, merged[index].Version!)))
                merged[index] = request;
        }
        return merged;
    }

    /// <summary>Compares the numeric part of two NuGet versions; a prerelease suffix only breaks ties (release wins).</summary>
    private static bool IsHigher(string candidate, string current)
    {
        static (Version? Number, bool Prerelease) Parse(string v)
        {
            int dash = v.IndexOf('-');
            return (Version.TryParse(dash < 0 ? v : v[..dash], out var number) ? number : null, dash >= 0);
        }
        var (a, aPre) = Parse(candidate);
        var (b, bPre) = Parse(current);
        if (a is null || b is null) return !string.Equals(candidate, current, StringComparison.OrdinalIgnoreCase);
        return a != b ? a > b : aPre != bPre && !aPre;
    }
}
