using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Intellisense;
using RnnLab.Kernel.Tests.Execution;

namespace RnnLab.Kernel.Tests.Intellisense;

/// <summary>Completion and inspection against a real session (cells run, #r'd libraries).</summary>
public class SessionIntellisenseTests
{
    private static CompletionAnswer Complete(SessionHarness harness, string code) =>
        CellCompleter.Complete(harness.Session.CompletionContext, code, code.EnumerateRunes().Count());

    [Fact]
    public void MembersOfAClassFromAnEarlierCell_AfterADot()
    {
        var harness = new SessionHarness();
        harness.Run("class Model { public int HiddenSize = 20; public int HiddenLayers => 2; public void Train() { } }\nvar model = new Model();");
        var result = Complete(harness, "model.Hidd");
        Assert.Equal(["HiddenLayers", "HiddenSize"], result.Matches);
        Assert.Equal((6, 10), (result.CursorStart, result.CursorEnd));
    }

    [Fact]
    public void LibraryTypes_Variables_AndNamespaces()
    {
        var harness = new SessionHarness();
        harness.Run("var learningRate = 0.01;");
        Assert.Equal(["WriteLine"], Complete(harness, "Console.WriteL").Matches);
        Assert.Contains("learningRate", Complete(harness, "learn").Matches);
        Assert.Contains("Generic", Complete(harness, "System.Collections.").Matches);
        Assert.Contains("Where", Complete(harness, "new List<int>().Whe").Matches);
    }

    [Fact]
    public void Inspect_ShowsSignature_AndTheXmlDocSummaryOfAReferencedLibrary()
    {
        var harness = new SessionHarness();
        EmitDocumentedLibrary(Path.Combine(harness.WorkingDirectory, "lib", "Documented.dll"));
        Assert.True(harness.Run("#r \"lib/Documented.dll\"").Result.Succeeded);
        Assert.Equal(["Scale"], Complete(harness, "Documented.Api.Sc").Matches);

        string code = "Documented.Api.Scale";
        var found = CellInspector.Inspect(harness.Session.CompletionContext, code, code.Length);
        Assert.True(found.Found);
        Assert.Equal("double Api.Scale(double value, double factor)\n\nMultiplies a value by a factor.", found.Data[MimeTypes.PlainText]);
        Assert.False(CellInspector.Inspect(harness.Session.CompletionContext, "   ", 2).Found);
    }

    private static void EmitDocumentedLibrary(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tree = CSharpSyntaxTree.ParseText("""
            namespace Documented;
            public static class Api
            {
                /// <summary>Multiplies a value by a factor.</summary>
                public static double Scale(double value, double factor) => value * factor;
            }
            """, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose));
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create("Documented", [tree],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var dll = File.Create(path);
        using var xml = File.Create(Path.ChangeExtension(path, ".xml"));
        var emitted = compilation.Emit(dll, xmlDocumentationStream: xml);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
