namespace RnnLab.Kernel.Packages;

/// <summary>
/// Some packages ship their native libraries as one package per platform, named by runtime identifier
/// (libtorch-cpu-linux-x64, -win-x64, -osx-arm64 under TorchSharp-cpu). Together they say where the package runs:
/// on any other machine a restore still succeeds, and the failure would come later as a DllNotFoundException.
/// This check names the supported platforms at the <c>#r</c> instead.
/// </summary>
internal static class NativePlatformCheck
{
    /// <summary>Null when this machine is covered; otherwise the message to show.</summary>
    /// <param name="nativeRids">Per package, the runtime identifiers it has native libraries for.</param>
    /// <param name="currentRid">This machine's portable runtime identifier.</param>
    /// <param name="requested">What the user asked for, named in the message.</param>
    public static string? Problem(IReadOnlyDictionary<PackageRequest, IReadOnlySet<string>> nativeRids, string currentRid, string requested)
    {
        var families = nativeRids
            .Where(p => p.Value.Count == 1 && p.Key.Id.EndsWith("-" + p.Value.Single(), StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => p.Key.Id[..^(p.Value.Single().Length + 1)], StringComparer.OrdinalIgnoreCase);
        foreach (var family in families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var platforms = family.Select(p => p.Value.Single()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (platforms.Contains(currentRid, StringComparer.Ordinal)) continue;
            return $"{requested} cannot run on this machine ({currentRid}): its native libraries ({family.Key}-*) exist only for "
                + $"{JoinWithAnd(platforms)}.";
        }
        return null;
    }

    private static string JoinWithAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
