using System.Reflection;
using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// NuGet's <c>project.assets.json</c>, the restore's own answer: which package versions it chose, and for each
/// target (framework, or framework/runtime identifier) which runtime assemblies and native libraries they bring.
/// Reading it instead of a build's output is what lets the kernel load packages in place.
/// </summary>
internal sealed class ProjectAssetsFile
{
    /// <summary>NuGet writes this for packages without assets for a target; it is not a file to load.</summary>
    private const string EmptyFolderMarker = "_._";

    private readonly JsonObject _root;
    private readonly string _packagesFolder;

    private ProjectAssetsFile(JsonObject root, string packagesFolder)
    {
        _root = root;
        _packagesFolder = packagesFolder;
    }

    public static ProjectAssetsFile Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a NuGet assets file.");
        // The first package folder is the global packages folder; later ones are fallback folders.
        string folder = (root["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault()
            ?? throw new InvalidDataException($"{path} names no package folder.");
        return new ProjectAssetsFile(root, folder);
    }

    /// <summary>Every package the restore chose (not projects), as id and version.</summary>
    public IReadOnlyList<PackageRequest> Packages =>
        Libraries().Where(l => l.Type == "package").Select(l => new PackageRequest(l.Id, l.Version)).ToList();

    /// <summary>The packages, assemblies and native libraries of one target, e.g. "net10.0/linux-x64".</summary>
    public PackageResolution Resolve(string target)
    {
        var targetNode = _root["targets"]?[target] as JsonObject
            ?? throw new InvalidDataException($"the restore has no target '{target}'.");
        var folders = Libraries().Where(l => l.Type == "package").ToDictionary(l => l.Key, l => l.Folder, StringComparer.Ordinal);
        var packages = new List<ResolvedPackage>();
        var assemblies = new List<ResolvedAssembly>();
        var natives = new List<string>();
        foreach (var (key, node) in targetNode)
        {
            if (!folders.TryGetValue(key, out string? relativeFolder) || node is not JsonObject library) continue;
            var (id, version) = SplitKey(key);
            string folder = Path.GetFullPath(Path.Combine(_packagesFolder, relativeFolder));
            packages.Add(new ResolvedPackage(id, version, folder));
            foreach (string file in AssetPaths(library, "runtime").Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                string path = Path.Combine(folder, file);
                var name = AssemblyName.GetAssemblyName(path);
                assemblies.Add(new ResolvedAssembly(name.Name!, name.Version?.ToString() ?? "0.0.0.0", path, id, version));
            }
            natives.AddRange(AssetPaths(library, "native").Select(f => Path.Combine(folder, f)));
        }
        return new PackageResolution(packages, assemblies, natives);
    }

    /// <summary>
    /// For each package, the runtime identifiers it has native libraries for, from the portable target's
    /// runtimeTargets (what a restore for any machine would see).
    /// </summary>
    public IReadOnlyDictionary<PackageRequest, IReadOnlySet<string>> NativeRuntimeIdentifiers(string framework)
    {
        var result = new Dictionary<PackageRequest, IReadOnlySet<string>>();
        if (_root["targets"]?[framework] is not JsonObject targetNode) return result;
        foreach (var (key, node) in targetNode)
        {
            if (node?["runtimeTargets"] is not JsonObject runtimeTargets) continue;
            var rids = runtimeTargets
                .Where(t => (string?)t.Value?["assetType"] == "native" && (string?)t.Value?["rid"] is not null)
                .Select(t => (string)t.Value!["rid"]!)
                .ToHashSet(StringComparer.Ordinal);
            if (rids.Count == 0) continue;
            var (id, version) = SplitKey(key);
            result[new PackageRequest(id, version)] = rids;
        }
        return result;
    }

    private IEnumerable<(string Key, string Id, string Version, string Type, string Folder)> Libraries()
    {
        if (_root["libraries"] is not JsonObject libraries) yield break;
        foreach (var (key, node) in libraries)
        {
            var (id, version) = SplitKey(key);
            yield return (key, id, version, (string?)node?["type"] ?? "", (string?)node?["path"] ?? key.ToLowerInvariant());
        }
    }

    private static IEnumerable<string> AssetPaths(JsonObject library, string kind) =>
        library[kind] is JsonObject assets
            ? assets.Select(a => a.Key).Where(f => Path.GetFileName(f) != EmptyFolderMarker)
            : [];

    private static (string Id, string Version) SplitKey(string key)
    {
        int slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
