using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Installation;

/// <summary>
/// The files that make up the kernel application, read from RnnLab.Kernel.deps.json (the list the
/// .NET host itself resolves the app from), so an install copies exactly the kernel even when it
/// runs from a folder shared with other programs (a test project's output, for instance).
/// </summary>
internal sealed record KernelAppFiles(string Directory, IReadOnlyList<string> ManagedAssemblies, IReadOnlyList<string> OtherFiles)
{
    /// <summary>Files next to the entry assembly that belong to it: host configuration, symbols, documentation.</summary>
    private static readonly string[] EntryCompanions = [".deps.json", ".runtimeconfig.json", ".pdb", ".xml"];

    /// <summary>All files, relative to <see cref="Directory"/>.</summary>
    public IEnumerable<string> All => ManagedAssemblies.Concat(OtherFiles);

    public static KernelAppFiles Of(string entryAssemblyPath)
    {
        string directory = Path.GetDirectoryName(entryAssemblyPath)!;
        string name = Path.GetFileNameWithoutExtension(entryAssemblyPath);
        string depsPath = Path.Combine(directory, name + ".deps.json");
        if (!File.Exists(depsPath))
            throw new InvalidOperationException($"cannot install: {depsPath} is missing (build src/RnnLab.Kernel first)");

        var managed = new List<string>();
        var other = new List<string>();
        var targets = JsonNode.Parse(File.ReadAllText(depsPath))?["targets"]?.AsObject()
            ?? throw new InvalidOperationException($"cannot install: {depsPath} has no targets");
        foreach (var (_, target) in targets)
        {
            foreach (var (_, library) in target?.AsObject() ?? [])
            {
                // The host puts a package's runtime assets in the app folder by file name, satellites under their culture.
                foreach (var (asset, _) in library?["runtime"]?.AsObject() ?? []) managed.Add(Path.GetFileName(asset));
                foreach (var (asset, info) in library?["resources"]?.AsObject() ?? [])
                    other.Add(Path.Combine((string?)info?["locale"] ?? "", Path.GetFileName(asset)));
                foreach (var (asset, _) in library?["native"]?.AsObject() ?? []) other.Add(Path.GetFileName(asset));
            }
        }
        other.AddRange(EntryCompanions.Select(extension => name + extension)
            .Where(file => File.Exists(Path.Combine(directory, file))));
        var missing = managed.Concat(other).Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"cannot install: {depsPath} lists files that are not in {directory}: {string.Join(", ", missing)}");
        return new KernelAppFiles(directory, managed.Distinct(StringComparer.Ordinal).ToList(), other.Distinct(StringComparer.Ordinal).ToList());
    }
}
