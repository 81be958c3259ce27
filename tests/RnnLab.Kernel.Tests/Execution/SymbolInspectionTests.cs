using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class SymbolInspectionTests
{
    [Fact]
    public void Inspect_ShowsSignatures_AndTheXmlDocSummaryOfALibrary()
    {
        var harness = new SessionHarness();
        EmitDocumentedLibrary(Path.Combine(harness.WorkingDirectory, "lib", "Documented.dll"));
        Assert.True(harness.Run("#r \"lib/Documented.dll\"").Result.Succeeded);

        string code = "Documented.Api.Scale";
        var found = SymbolInspection.Inspect(harness.Session, code, code.Length);
        Assert.NotNull(found);
        string text = found[MimeTypes.PlainText];
        Assert.Contains("Documented.Api.Scale(double, double)", text);
        Assert.Contains("Multiplies a value by a factor.", text);
    }

    [Fact]
    public void Inspect_OfAnEarlierVariable_GivesItsType_AndNothingForWhitespace()
    {
        var harness = new SessionHarness();
        harness.Run("var rates = new List<double>();");
        Assert.Contains("List<double>", SymbolInspection.Inspect(harness.Session, "rates", 5)![MimeTypes.PlainText]);
        Assert.Null(SymbolInspection.Inspect(harness.Session, "   ", 2));
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
