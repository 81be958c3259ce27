using System.Runtime.InteropServices;

namespace RnnLab.Kernel;

/// <summary>
/// The portable runtime identifier of this machine (linux-x64, linux-musl-arm64, osx-arm64, win-x64...):
/// the names NuGet packages use for their runtime-specific assets and the crossgen2 packages are
/// published for. <see cref="RuntimeInformation.RuntimeIdentifier"/> can be a distribution's own
/// (ubuntu.24.04-x64), which packages do not use.
/// </summary>
internal static class PortableRuntimeIdentifier
{
    public static string Current { get; } =
        (OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
            : "linux")
        + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
}
