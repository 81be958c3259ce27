using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// The assemblies of one session's packages, projects and #r files, loaded from where they are. Each session has its
/// own context, so two notebooks the runner executes in one process can use different versions of a package;
/// the framework and the kernel's own assemblies stay shared (the default context). Cells' compiled submissions
/// find these assemblies through the default context's Resolving event, which asks the session running the cell.
/// </summary>
internal sealed class SessionLoadContext : AssemblyLoadContext
{
    private static readonly AsyncLocal<SessionLoadContext?> CurrentInFlow = new();
    private static volatile SessionLoadContext? s_latest;
    private static int s_resolverInstalled;

    private readonly ConcurrentDictionary<string, string> _pathsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _probeDirectories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _nativeDirectories = new(StringComparer.Ordinal);

    public SessionLoadContext(string name) : base(name)
    {
        if (Interlocked.Exchange(ref s_resolverInstalled, 1) == 0) Default.Resolving += ResolveForRunningSession;
    }

    /// <summary>Makes this the context that cells on this flow (and threads they start) load from.</summary>
    public void Enter()
    {
        CurrentInFlow.Value = this;
        s_latest = this;
    }

    /// <summary>An assembly this session may load, by its simple name.</summary>
    public void Add(string simpleName, string path) => _pathsByName[simpleName] = path;

    /// <summary>A folder whose assemblies may be loaded by name (the folder of a #r'd file, as before).</summary>
    public void AddProbeDirectory(string directory) => _probeDirectories.TryAdd(directory, 0);

    /// <summary>A folder of native libraries for DllImport of this session's assemblies.</summary>
    public void AddNativeDirectory(string directory) => _nativeDirectories.TryAdd(directory, 0);

    protected override Assembly? Load(AssemblyName assemblyName) => TryLoad(assemblyName);

    /// <summary>Loads the assembly at <paramref name="path"/> into this context and runs its module initializer.</summary>
    public void RunModuleInitializer(string path)
    {
        var assembly = TryLoad(AssemblyName.GetAssemblyName(path)) ?? LoadFromAssemblyPath(path);
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
    }

    /// <summary>
    /// A library from the session's native folders. One that is there but does not load answers "not found", so the
    /// runtime's own probing goes on: it finds a copy already loaded under the same name (TorchSharp's shim, preloaded
    /// as a patched copy on Debian 12, see src/TorchSharpNative) and reports its own error otherwise.
    /// </summary>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        foreach (string directory in _nativeDirectories.Keys)
            foreach (string candidate in NativeFileNames(unmanagedDllName))
            {
                string path = Path.Combine(directory, candidate);
                if (File.Exists(path)) return NativeLibrary.TryLoad(path, out IntPtr handle) ? handle : IntPtr.Zero;
            }
        return IntPtr.Zero;
    }

    private Assembly? TryLoad(AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        if (name is null || HostAssemblies.Contains(name)) return null;
        var loaded = Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded;
        if (_pathsByName.TryGetValue(name, out string? path)) return LoadFromAssemblyPath(path);
        foreach (string directory in _probeDirectories.Keys)
        {
            string candidate = Path.Combine(directory, name + ".dll");
            // A file may be named like the assembly without being it: check before loading.
            if (File.Exists(candidate) && AssemblyName.GetAssemblyName(candidate).Name == name) return LoadFromAssemblyPath(candidate);
        }
        return null;
    }

    private static Assembly? ResolveForRunningSession(AssemblyLoadContext context, AssemblyName name) =>
        (CurrentInFlow.Value ?? s_latest)?.TryLoad(name);

    /// <summary>The names DllImport("x") may mean on any OS: x, libx.so, x.so, libx.dylib, x.dll.</summary>
    private static IEnumerable<string> NativeFileNames(string name)
    {
        yield return name;
        if (Path.HasExtension(name) && !name.Contains(".so.", StringComparison.Ordinal)) yield break;
        string[] extensions = OperatingSystem.IsWindows() ? [".dll"] : OperatingSystem.IsMacOS() ? [".dylib"] : [".so"];
        foreach (string extension in extensions)
        {
            yield return name + extension;
            if (!OperatingSystem.IsWindows()) yield return "lib" + name + extension;
        }
    }
}
