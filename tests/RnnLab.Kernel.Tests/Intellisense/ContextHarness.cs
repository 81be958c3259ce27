using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Intellisense;
using RnnLab.Kernel.Interactive;

namespace RnnLab.Kernel.Tests.Intellisense;

/// <summary>A submission chain of the given cells (compiled, not run) with the session's default references.</summary>
internal static class ContextHarness
{
    public static SubmissionContext After(params string[] cells)
    {
        var options = ScriptOptions.Default
            .WithReferences(ReferenceAssemblies.Default.Value)
            .WithImports("System", "System.Linq", "System.Collections.Generic", "RnnLab.Kernel.Interactive");
        Script? previous = null;
        foreach (string cell in cells)
        {
            previous = previous is null ? CSharpScript.Create(cell, options, typeof(KernelGlobals)) : previous.ContinueWith(cell, options);
            Assert.Empty(previous.Compile().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        }
        return new SubmissionContext(previous, options);
    }
}
