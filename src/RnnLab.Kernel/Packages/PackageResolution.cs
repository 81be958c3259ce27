namespace RnnLab.Kernel.Packages;

/// <summary>A package NuGet chose, and its folder in the global packages folder.</summary>
public sealed record ResolvedPackage(string Id, string Version, string Folder);

/// <summary>A managed assembly of a resolved package, loaded straight from the global packages folder.</summary>
public sealed record ResolvedAssembly(string Name, string Version, string Path, string PackageId, string PackageVersion)
{
    /// <summary>How messages name it: by package, which is what a #r line asks for.</summary>
    public string Package => $"{PackageId} {PackageVersion}";
}

/// <summary>
/// What a set of package requests resolves to for this machine's runtime identifier: every package, its
/// runtime assemblies and the folders of its native libraries. Paths point into NuGet's global packages folder:
/// nothing is copied, so each package exists once per machine.
/// </summary>
public sealed record PackageResolution(
    IReadOnlyList<ResolvedPackage> Packages,
    IReadOnlyList<ResolvedAssembly> Assemblies,
    IReadOnlyList<string> NativeFiles)
{
    /// <summary>The folders holding <see cref="NativeFiles"/>, where DllImport and TorchSharp's loader look.</summary>
    public IReadOnlyList<string> NativeDirectories =>
        NativeFiles.Select(f => System.IO.Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when every file still exists (a cut-off restore or a cleaned NuGet folder makes this false).</summary>
    public bool IsComplete => Assemblies.All(a => File.Exists(a.Path)) && NativeFiles.All(File.Exists);
}
