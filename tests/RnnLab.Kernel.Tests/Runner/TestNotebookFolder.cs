using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnLab.Kernel.Tests.Runner;

/// <summary>A temp copy of tests/RnnLab.Kernel.Tests/notebooks plus lib/Probe.dll, which the test notebook #r's.</summary>
internal static class TestNotebookFolder
{
    public const string FeaturesNotebook = "kernel-features.ipynb";

    private static readonly Lazy<string> SharedFolder = new(Create);

    /// <summary>One copy for tests that only read it: its #:project build is then cached after the first run.</summary>
    public static string Shared => SharedFolder.Value;

    public static string Create()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-notebooks-").FullName;
        Copy(Path.Combine(AppContext.BaseDirectory, "notebooks"), folder);
        EmitProbeAssembly(Path.Combine(folder, "lib", "Probe.dll"));
        return folder;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string dir in Directory.GetDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>A real assembly on disk, compiled here so the test needs no prebuilt binary.</summary>
    private static void EmitProbeAssembly(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tree = CSharpSyntaxTree.ParseText("namespace Probe; public static class Answer { public static int Value => 42; }");
        var compilation = CSharpCompilation.Create("Probe", [tree],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
             MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
    }
}
