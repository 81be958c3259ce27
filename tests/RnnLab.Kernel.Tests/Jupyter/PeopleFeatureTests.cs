using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnLab.Kernel.Tests.Jupyter;

/// <summary>
/// python/test_people.py through the real jupyter_client: completion, inspection, is_complete,
/// interrupt (control, shell, SIGINT; tight loop, sleep, library loop), stdin and magics.
/// </summary>
[Collection(nameof(JupyterClientTests))]
public class PeopleFeatureTests
{
    [Fact]
    public void CompletionInspectionInterruptStdinAndMagics_ThroughJupyterClient()
    {
        JupyterEnvironment.RequireJupyterClient();
        EmitTrainingLoopLibrary(Path.Combine(JupyterEnvironment.PythonTestsFolder, "TrainingLoop.dll"));
        var (exit, output) = JupyterEnvironment.RunUnittest("test_people");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("skipped", output);
        Assert.Matches(@"Ran 1[0-9] tests", output);
        Assert.Contains("completion latency: median", output);
        TestContext.Current.SendDiagnosticMessage(output);
    }

    /// <summary>
    /// A library whose loop knows nothing of the kernel except the RnnLab.Cancellation slot: the
    /// contract a training loop in RnnLab follows. Compiled here so the test needs no prebuilt binary.
    /// </summary>
    private static void EmitTrainingLoopLibrary(string path)
    {
        const string source = """
            namespace Training;
            public static class Loop
            {
                public static long RunUntilCancelled()
                {
                    var token = (System.AppContext.GetData("RnnLab.Cancellation") as System.Func<System.Threading.CancellationToken>)?.Invoke()
                                ?? System.Threading.CancellationToken.None;
                    long steps = 0;
                    while (true)
                    {
                        token.ThrowIfCancellationRequested();
                        steps++;
                    }
                }
            }
            """;
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create("TrainingLoop", [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        if (!emitted.Success) throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
    }
}
