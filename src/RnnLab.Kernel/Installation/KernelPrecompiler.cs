using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace RnnLab.Kernel.Installation;

/// <summary>
/// Puts a ReadyToRun copy of the kernel into a kernelspec folder. Most of a cold start is the JIT
/// compiling Roslyn on first use; precompiled, the first result arrives in well under the 1.5 s goal
/// (see the kernel README). Each compiled assembly is cached under the kernel cache by the SHA-256 of
/// its IL and the compiler version, so reinstalling, or installing a rebuilt kernel, recompiles only
/// what changed (Roslyn alone takes about 30 s on two cores).
/// </summary>
internal sealed class KernelPrecompiler(string cacheRoot, TextWriter log)
{
    private const string CopyPrefix = "kernel-";
    private const string CompleteMarker = ".complete";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Copies the kernel into a new folder under <paramref name="specDirectory"/> named after its content
    /// and compiler, so a kernel running from an older copy is never overwritten under it, removes older
    /// copies, and returns the folder.
    /// </summary>
    public string Install(KernelAppFiles app, string specDirectory, bool precompile)
    {
        var compiler = precompile ? Crossgen2.Find() : null;
        if (precompile && compiler is null)
            log.WriteLine($"warning: {Crossgen2.PackageId} is not in the NuGet packages folder, so the kernel is installed " +
                "without precompiled code and its first cell takes about a second longer. Restore src/RnnLab.Kernel " +
                "(it downloads the compiler) and install again.");
        string destination = Path.Combine(specDirectory,
            $"{CopyPrefix}{ContentKey(app)[..16]}-{(compiler is null ? "il" : "r2r" + compiler.Identity)}");
        if (File.Exists(Path.Combine(destination, CompleteMarker)))
        {
            log.WriteLine("kernel files unchanged");
        }
        else
        {
            string staging = destination + ".partial";
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            foreach (string file in app.All)
            {
                string target = Path.Combine(staging, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(app.Directory, file), target);
            }
            if (compiler is not null) Precompile(compiler, app, staging);
            File.WriteAllText(Path.Combine(staging, CompleteMarker), "");
            if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
            Directory.Move(staging, destination);
        }
        RemoveOtherCopies(specDirectory, destination);
        return destination;
    }

    /// <summary>
    /// Older installs' copies. A kernel still running from one keeps working on Linux and macOS (its files stay
    /// open); where a file is locked (Windows) the copy is left for the next install to remove.
    /// </summary>
    private static void RemoveOtherCopies(string specDirectory, string keep)
    {
        foreach (string directory in Directory.GetDirectories(specDirectory, CopyPrefix + "*"))
        {
            // Another install may be staging its copy right now; a crashed one's leftovers go when it reruns.
            if (string.Equals(directory, keep, StringComparison.Ordinal) || directory.EndsWith(".partial", StringComparison.Ordinal)) continue;
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use: removed by a later install.
            }
        }
    }

    /// <summary>True when the file carries ReadyToRun native code (a managed-native header).</summary>
    public static bool IsReadyToRun(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private void Precompile(Crossgen2 compiler, KernelAppFiles app, string staging)
    {
        string cacheDirectory = Path.Combine(cacheRoot, "precompiled");
        Directory.CreateDirectory(cacheDirectory);
        // Two installs at once (two test projects, two terminals) would both spend 30 s compiling Roslyn:
        // the second waits for the first and then finds its images in the cache.
        using var exclusive = AcquireLock(Path.Combine(cacheDirectory, ".lock"));
        foreach (string assembly in app.ManagedAssemblies)
        {
            string input = Path.Combine(app.Directory, assembly);
            if (IsReadyToRun(input)) continue;
            string cached = Path.Combine(cacheDirectory, $"{Path.GetFileNameWithoutExtension(assembly)}-{FileHash(input)[..16]}-crossgen{compiler.Identity}.dll");
            if (!File.Exists(cached))
            {
                log.WriteLine($"precompiling {assembly} (ReadyToRun, crossgen2 {compiler.Version})");
                string partial = cached + "." + Environment.ProcessId + ".partial";
                if (compiler.Compile(input, partial, app.Directory) is { } failure)
                {
                    File.Delete(partial);
                    log.WriteLine($"warning: {assembly} stays IL only (its code is compiled on first use): {failure}");
                    continue;
                }
                File.Move(partial, cached, overwrite: true);
            }
            File.Copy(cached, Path.Combine(staging, assembly), overwrite: true);
        }
    }

    private FileStream AcquireLock(string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        bool announced = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                if (!announced) log.WriteLine("waiting for another install to finish precompiling");
                announced = true;
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>One hash over every file's name and bytes: the kernel folder's identity.</summary>
    private static string ContentKey(KernelAppFiles app)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in app.All.Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(app.Directory, file)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
