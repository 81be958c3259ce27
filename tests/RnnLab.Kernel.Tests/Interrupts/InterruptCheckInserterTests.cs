using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnLab.Kernel.Interactive;
using RnnLab.Kernel.Interrupts;

namespace RnnLab.Kernel.Tests.Interrupts;

/// <summary>The interruption flag is process-wide: these tests run one at a time with the session's interrupt tests.</summary>
[Collection(nameof(InterruptCheckInserterTests))]
public class InterruptCheckInserterTests
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);
    private const string Check = InterruptCheckInserter.CheckCall;

    [Fact]
    public void LoopBodies_AreWrapped_AndMethodBodiesStartWithACheck_OnTheSameLines()
    {
        string code = "while (true) {}\nfor (;;) x++;\nforeach (var v in xs) { }\ndo y(); while (z);\nint F() { return 1; }\nvar f = () => { };";
        string rewritten = InterruptCheckInserter.Insert(code, Script);
        string[] lines = rewritten.Split('\n');
        Assert.Equal(code.Split('\n').Length, lines.Length);
        Assert.Equal($"while (true) {{{Check}{{}}}}", lines[0]);
        Assert.Equal($"for (;;) {{{Check}x++;}}", lines[1]);
        Assert.Equal($"foreach (var v in xs) {{{Check}{{ }}}}", lines[2]);
        Assert.Equal($"do {{{Check}y();}} while (z);", lines[3]);
        Assert.Equal($"int F() {{{Check} return 1; }}", lines[4]);
        Assert.Equal($"var f = () => {{{Check} }};", lines[5]);
    }

    [Fact]
    public void CodeWithSyntaxErrors_IsLeftAlone() =>
        Assert.Equal("while (true) { x = ; }", InterruptCheckInserter.Insert("while (true) { x = ; }", Script));

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("long n = 0; for (;;) n++;")]
    [InlineData("int Forever(int n) => Loop(n); int Loop(int n) { while (n >= 0) n = n + 1 - 1; return n; } Forever(1);")]
    [InlineData("System.Threading.Tasks.Task.Run(() => { while (true) { } }).Wait();")]
    public void ARewrittenBusyLoop_StopsWithinASecond_OfTheInterrupt(string code)
    {
        var options = ScriptOptions.Default.AddReferences(typeof(Interruption).Assembly);
        var script = CSharpScript.Create(InterruptCheckInserter.Insert(code, Script), options);
        Assert.Empty(script.Compile(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
        using var cancellation = new CancellationTokenSource();
        using var registration = Interruption.BeginCell(cancellation.Token);
        Exception? thrown = null;
        var runner = new Thread(() =>
        {
            try
            {
                script.RunAsync(cancellationToken: TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }) { IsBackground = true };
        runner.Start();
        Thread.Sleep(200);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        Assert.True(runner.Join(TimeSpan.FromSeconds(1)), "the loop did not stop within 1 s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.IsAssignableFrom<OperationCanceledException>(thrown is AggregateException a ? a.InnerException : thrown);
    }
}
