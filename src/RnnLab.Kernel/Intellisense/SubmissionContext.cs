using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnLab.Kernel.Interactive;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// What the next cell would compile against: the chain of successful submissions (their
/// declarations and variables) and the session's references and imports. Completion and
/// inspection compile the cell being edited as the next submission of this chain, without running it.
/// </summary>
/// <param name="Previous">The last successful submission, or null before the first cell.</param>
public sealed record SubmissionContext(Script? Previous, ScriptOptions Options)
{
    /// <summary>The semantic model of <paramref name="csharp"/> compiled as the next cell.</summary>
    public SemanticModel Analyze(string csharp)
    {
        Script script = Previous is null
            ? CSharpScript.Create(csharp, Options, typeof(KernelGlobals))
            : Previous.ContinueWith(csharp, Options);
        var compilation = script.GetCompilation();
        return compilation.GetSemanticModel(compilation.SyntaxTrees.Last());
    }
}
