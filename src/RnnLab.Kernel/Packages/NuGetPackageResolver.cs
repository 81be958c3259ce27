using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// Resolves a session's package requests together, as one graph, by restoring a generated project for this machine's
/// runtime identifier with <c>dotnet restore</c> (so the user's NuGet configuration, credentials and global packages
/// folder apply) and reading NuGet's assets file. Nothing is copied: assemblies and native libraries are used where
/// NuGet put them. The answer is remembered under the kernel cache per request set, so a later session with the same
/// requests starts neither dotnet nor the network; it is checked against the disk before each use, so a cut-off
/// restore or a cleaned NuGet folder leads to a new restore rather than a missing file.
/// </summary>
public sealed partial class NuGetPackageResolver(string cacheRoot)
{
    private const string ResolutionFile = "resolution.json";
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(15);
    private static readonly JsonSerializerOptions CacheJson = new() { WriteIndented = true };

    private static string Framework => $"net{Environment.Version.Major}.0";

    /// <summary>What <paramref name="requests"/> resolve to; throws <see cref="DirectiveError"/> with NuGet's reasons.</summary>
    /// <param name="sources">Extra sources from #i (URLs or absolute folders).</param>
    /// <param name="nugetConfig">A nuget.config found next to (or above) the notebook, else null for the user's.</param>
    /// <param name="requested">How the user's request is named in messages, e.g. "TorchSharp-cpu 0.107.0".</param>
    /// <param name="progress">Told what a restore is doing while it runs (it can take minutes the first time).</param>
    public PackageResolution Resolve(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources, string? nugetConfig,
        string requested, Action<string>? progress = null)
    {
        string folder = Path.Combine(cacheRoot, "packages", Key(requests, sources, nugetConfig));
        string resolutionPath = Path.Combine(folder, ResolutionFile);
        if (TryReadCached(resolutionPath) is { IsComplete: true } cached) return cached;

        Directory.CreateDirectory(folder);
        string project = Path.Combine(folder, "restore.csproj");
        File.WriteAllText(project, ProjectText(requests, sources));
        var arguments = new List<string> { "restore", project, "-nologo", "-v:n", "-nodeReuse:false" };
        if (nugetConfig is not null) arguments.Add($"-p:RestoreConfigFile={nugetConfig}");
        var watch = progress is null ? null : new RestoreProgressLines(progress);
        var (exitCode, log, _) = ProcessRunner.RunBuild(arguments, folder, RestoreTimeout, watch is null ? null : watch.OnLine);
        if (exitCode != 0)
        {
            var errors = ProcessRunner.ErrorLines(log).Select(l => l.Replace(project + " : ", "", StringComparison.Ordinal));
            throw new DirectiveError(
                $"Could not restore NuGet package {requested}. It is not in the local cache and the package sources did not provide it:\n  "
                + string.Join("\n  ", errors.DefaultIfEmpty(log.Trim())));
        }

        var assets = ProjectAssetsFile.Load(Path.Combine(folder, "obj", "project.assets.json"));
        if (NativePlatformCheck.Problem(assets.NativeRuntimeIdentifiers(Framework), PortableRuntimeIdentifier.Current, requested) is { } problem)
            throw new DirectiveError(problem);
        var resolution = assets.Resolve($"{Framework}/{PortableRuntimeIdentifier.Current}");
        // Written whole, then renamed: a kernel stopped mid-write leaves no half answer for the next one.
        string temporary = resolutionPath + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(resolution, CacheJson));
        File.Move(temporary, resolutionPath, overwrite: true);
        return resolution;
    }

    private static PackageResolution? TryReadCached(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<PackageResolution>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null; // An unreadable answer is answered again.
        }
    }

    /// <summary>The cache folder of a request set: the same requests, sources, configuration and platform share it.</summary>
    private static string Key(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources, string? nugetConfig)
    {
        var text = new StringBuilder().Append(Framework).Append('|').Append(PortableRuntimeIdentifier.Current).Append('|').Append(nugetConfig);
        foreach (var request in requests.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase))
            text.Append('|').Append(request.Id.ToLowerInvariant()).Append('@').Append(request.VersionRange);
        foreach (string source in sources) text.Append("|source:").Append(source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }

    private static string ProjectText(IReadOnlyList<PackageRequest> requests, IReadOnlyList<string> sources)
    {
        string extraSources = string.Join(';', sources.Select(s => SecurityElement.Escape(s)));
        string references = string.Join("\n    ", requests.Select(r =>
            $"<PackageReference Include=\"{WebUtility.HtmlEncode(r.Id)}\" Version=\"{WebUtility.HtmlEncode(r.VersionRange)}\" />"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Generated by RnnLab.Kernel: one session's packages, restored together; safe to delete. -->
              <PropertyGroup>
                <TargetFramework>{Framework}</TargetFramework>
                <RuntimeIdentifier>{PortableRuntimeIdentifier.Current}</RuntimeIdentifier>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <EnableDefaultItems>false</EnableDefaultItems>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <RestoreAdditionalProjectSources>{extraSources}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>Turns NuGet's "Installed X 1.2.3 from ..." lines into a short running count for the cell.</summary>
    private sealed partial class RestoreProgressLines(Action<string> progress)
    {
        private int _installed;

        public void OnLine(string line)
        {
            var match = InstalledLine().Match(line);
            if (!match.Success) return;
            int count = Interlocked.Increment(ref _installed);
            progress($"{count} package(s) downloaded, the last {match.Groups[1].Value} {match.Groups[2].Value}");
        }

        [GeneratedRegex(@"Installed (\S+) (\S+) from ")]
        private static partial Regex InstalledLine();
    }
}
