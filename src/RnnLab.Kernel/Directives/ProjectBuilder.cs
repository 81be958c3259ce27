using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace RnnLab.Kernel.Directives;

/// <summary>
/// <c>#:project</c>: builds a project in Release with <c>dotnet build</c> and returns its output assembly, the
/// assemblies of the projects it references (copied next to it), and its NuGet assets file. Package assemblies are
/// not copied (<c>CopyLocalLockFileAssemblies=false</c>): the session loads them from its one package graph, so a
/// project can never become a second source of a package (TorchSharp-cpu alone would copy about 1 GB of every OS's
/// native libraries). A build is skipped when the inputs of the project and of the projects it references (sources,
/// project files, Directory.*.props) have the same timestamps as at the last build.
/// </summary>
public sealed class ProjectBuilder(string cacheRoot)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] SkippedFolders = ["bin", "obj", "artifacts", ".git", "node_modules"];
    private static readonly string[] SharedInputs =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config"];

    private sealed record BuildRecord(string Stamp, List<string> Assemblies, string? AssetsFile);

    /// <summary>The project file named by a path to a .csproj or to a folder holding exactly one.</summary>
    public static string FindProjectFile(string path)
    {
        if (File.Exists(path)) return Path.GetFullPath(path);
        if (!Directory.Exists(path)) throw new DirectiveError($"#:project: no project file or folder at '{path}'.");
        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length == 1
            ? Path.GetFullPath(projects[0])
            : throw new DirectiveError($"#:project: expected one .csproj in '{path}' but found {projects.Length}.");
    }

    public ProjectBuild Build(string projectFile, string workingDirectory)
    {
        // "projects-v2": records of the copy-local builds before the package graph had no assets file.
        string recordPath = Path.Combine(cacheRoot, "projects-v2", Hash(projectFile)[..16] + ".json");
        string stamp = InputStamp(projectFile);
        if (File.Exists(recordPath))
        {
            var record = JsonSerializer.Deserialize<BuildRecord>(File.ReadAllText(recordPath));
            if (record is not null && record.Stamp == stamp && record.Assemblies.All(File.Exists) && (record.AssetsFile is null || File.Exists(record.AssetsFile)))
                return new ProjectBuild(record.Assemblies, record.AssetsFile);
        }

        string projectDir = Path.GetDirectoryName(projectFile)!;
        // -t:Build with -getProperty builds and then reports the output path: one dotnet start instead of two.
        var (exitCode, log, properties) = ProcessRunner.RunBuild(
            ["build", projectFile, "-nologo", "-v:q", "-nodeReuse:false", "-c", "Release", "-p:CopyLocalLockFileAssemblies=false",
             "-t:Build", "-getProperty:TargetPath", "-getProperty:ProjectAssetsFile"],
            projectDir, BuildTimeout);
        if (exitCode != 0)
        {
            var errors = ProcessRunner.ErrorLines(log).Select(l => RelativeTo(l, workingDirectory));
            throw new DirectiveError($"#:project: building {Path.GetRelativePath(workingDirectory, projectFile)} failed:\n  "
                + string.Join("\n  ", errors.DefaultIfEmpty(log.Trim())));
        }
        string? targetPath = Property(properties, "TargetPath");
        if (targetPath is null || !targetPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || !File.Exists(targetPath))
            throw new DirectiveError($"#:project: built {Path.GetFileName(projectFile)} but found no output assembly in:\n{properties.Trim()}");
        string? assetsFile = Property(properties, "ProjectAssetsFile") is { Length: > 0 } assets && File.Exists(assets) ? assets : null;

        // The project's own assembly first, then what was copied next to it (referenced projects; package copies
        // that an earlier copy-local build left there are skipped by the session, which takes packages from its graph).
        var assemblies = new List<string> { targetPath };
        assemblies.AddRange(Directory.EnumerateFiles(Path.GetDirectoryName(targetPath)!, "*.dll")
            .Where(p => p != targetPath).Order(StringComparer.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(recordPath)!);
        File.WriteAllText(recordPath, JsonSerializer.Serialize(new BuildRecord(InputStamp(projectFile), assemblies, assetsFile)));
        return new ProjectBuild(assemblies, assetsFile);
    }

    /// <summary>A property from MSBuild's -getProperty answer: JSON when several were asked for.</summary>
    private static string? Property(string answer, string name)
    {
        try
        {
            return (string?)System.Text.Json.Nodes.JsonNode.Parse(answer)?["Properties"]?[name];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A hash of path, size and write time of every build input, across project references.</summary>
    internal static string InputStamp(string projectFile)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        CollectInputs(projectFile, files, visited);
        var text = new StringBuilder();
        foreach (string file in files)
        {
            var info = new FileInfo(file);
            text.Append(file).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }
        return Hash(text.ToString());
    }

    private static void CollectInputs(string projectFile, SortedSet<string> files, HashSet<string> visited)
    {
        if (!visited.Add(projectFile) || !File.Exists(projectFile)) return;
        string projectDir = Path.GetDirectoryName(projectFile)!;
        foreach (string file in EnumerateSources(projectDir)) files.Add(file);
        for (var dir = new DirectoryInfo(projectDir); dir is not null; dir = dir.Parent)
            foreach (string shared in SharedInputs)
            {
                string candidate = Path.Combine(dir.FullName, shared);
                if (File.Exists(candidate)) files.Add(candidate);
            }
        foreach (var reference in XDocument.Load(projectFile).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            string? include = reference.Attribute("Include")?.Value;
            if (include is null) continue;
            CollectInputs(Path.GetFullPath(Path.Combine(projectDir, include.Replace('\\', '/'))), files, visited);
        }
    }

    private static IEnumerable<string> EnumerateSources(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory)) yield return file;
        foreach (string sub in Directory.EnumerateDirectories(directory))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub))) continue;
            foreach (string file in EnumerateSources(sub)) yield return file;
        }
    }

    /// <summary>Build errors name absolute paths; show them relative to the notebook so outputs do not depend on the machine.</summary>
    private static string RelativeTo(string line, string workingDirectory)
    {
        int paren = line.IndexOf('(');
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        int end = paren > 0 && (colon < 0 || paren < colon) ? paren : colon;
        if (end <= 0 || !Path.IsPathRooted(line[..end])) return line;
        return Path.GetRelativePath(workingDirectory, line[..end]) + line[end..];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
