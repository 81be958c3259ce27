using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class ExecutionSessionTests
{
    [Fact]
    public void TrailingExpression_BecomesTheResult_WithCount()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run("var x = 20;\nx + 22");
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.ExecutionCount);
        var executeResult = Assert.Single(outputs.OfType<ExecuteResultOutput>());
        Assert.Equal("42", executeResult.Data[MimeTypes.PlainText]);
        Assert.Equal(1, executeResult.ExecutionCount);
    }

    [Fact]
    public void StatementsAndVoidCalls_GiveNoResult()
    {
        var harness = new SessionHarness();
        Assert.Empty(harness.Run("var x = 1;").Outputs);
        Assert.DoesNotContain(harness.Run("Console.Write(\"a\")").Outputs, o => o is ExecuteResultOutput);
    }

    [Fact]
    public void State_IsKeptAcrossCells_AndCountsIncrease()
    {
        var harness = new SessionHarness();
        harness.Run("int Square(int v) => v * v;\nvar numbers = new List<int> { 1, 2, 3 };");
        var (result, outputs) = harness.Run("numbers.Select(Square).Sum()");
        Assert.Equal(2, result.ExecutionCount);
        Assert.Equal("14", SessionHarness.ResultText(outputs));
    }

    [Theory]
    [InlineData("var (a, b) = (F(), 2);")]
    [InlineData("int.TryParse(\"1\", out var a);")]
    [InlineData("if (F() is int a) { }")]
    public void VariablesFromDeconstructionOrPatterns_SurviveIntoLaterCells(string declaringCell)
    {
        // Such a cell has no declaration statement, yet its variables are script state.
        var harness = new SessionHarness();
        harness.Run("int F() => 1;");
        Assert.True(harness.Run(declaringCell).Result.Succeeded);
        var (result, outputs) = harness.Run("a");
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Equal("1", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public void ConsoleOutput_IsCoalescedInOrder_PerStream()
    {
        var harness = new SessionHarness();
        var (_, outputs) = harness.Run("""
            for (int i = 0; i < 100; i++) Console.WriteLine($"line {i}");
            Console.Error.WriteLine("oops");
            Console.WriteLine("after");
            """);
        var streams = outputs.OfType<StreamOutput>().ToList();
        Assert.Equal(["stdout", "stderr", "stdout"], streams.Select(s => s.Name));
        Assert.StartsWith("line 0\nline 1\n", streams[0].Text);
        Assert.EndsWith("line 99\n", streams[0].Text);
        Assert.Equal("oops\n", streams[1].Text);
        Assert.Equal("after\n", streams[2].Text);
    }

    [Fact]
    public void RuntimeException_GivesRealType_AndCellRelativeLines_WithoutScriptingFrames()
    {
        var harness = new SessionHarness();
        harness.Run("int Divide(int a, int b)\n{\n    return a / b;\n}");
        var (result, outputs) = harness.Run("var zero = 0;\nConsole.WriteLine(\"before\");\nDivide(1, zero)");
        Assert.False(result.Succeeded);
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Equal("System.DivideByZeroException", error.Name);
        Assert.Equal("Attempted to divide by zero.", error.Value);
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", error.Traceback[0]);
        Assert.Contains("   at Divide in cell [1], line 3", error.Traceback);
        Assert.Contains("   at cell [2], line 3", error.Traceback);
        Assert.DoesNotContain(error.Traceback, l => l.Contains("Microsoft.CodeAnalysis") || l.Contains("Submission#") || l.Contains("MoveNext"));
        Assert.Equal("before\n", SessionHarness.Stdout(outputs));
    }

    [Fact]
    public void WarmedUpSession_BehavesLikeAFreshOne()
    {
        var harness = new SessionHarness();
        harness.Session.WarmUp();
        harness.Session.WarmUp(); // a second call must not re-root the chain
        Assert.Equal(0, harness.Session.ExecutionCount);
        var (first, firstOutputs) = harness.Run("var kept = 41;\nkept + 1");
        Assert.Equal(1, first.ExecutionCount);
        Assert.Equal("42", SessionHarness.ResultText(firstOutputs));
        // The warm-up declared nothing a user could see, and errors still name the user's own cells.
        Assert.Equal("kept", Assert.Single(harness.Run("#!who").Outputs.OfType<DisplayDataOutput>()).Data[MimeTypes.PlainText]);
        var (failed, failedOutputs) = harness.Run("var zero = 0;\nkept / zero");
        Assert.False(failed.Succeeded);
        Assert.Contains("   at cell [3], line 2", Assert.Single(failedOutputs.OfType<ErrorOutput>()).Traceback);
        harness.Session.WarmUpCompletion();
        Assert.Equal("41", SessionHarness.ResultText(harness.Run("kept").Outputs));
    }

    [Fact]
    public void CellAfterException_RunsWithEarlierVariables()
    {
        var harness = new SessionHarness();
        harness.Run("var kept = 41;");
        harness.Run("var alsoKept = 1;\nthrow new InvalidOperationException(\"boom\");");
        var (result, outputs) = harness.Run("kept + alsoKept");
        Assert.True(result.Succeeded);
        Assert.Equal("42", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public void CompileErrors_AreListedOnce_WithCellLineAndColumn()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run("var a = 1;\nvar b = undefinedName + 1;\nint c = \"text\";");
        Assert.False(result.Succeeded);
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Equal("CompilationError", error.Name);
        Assert.Equal(2, error.Traceback.Count);
        Assert.StartsWith("(2,9): error CS0103:", error.Traceback[0]);
        Assert.StartsWith("(3,9): error CS0029:", error.Traceback[1]);
        // A failed compile changes nothing: the next cell still sees the state before it.
        Assert.True(harness.Run("var a = 2; a").Result.Succeeded);
    }

    [Fact]
    public void SyntaxError_IsACompileError()
    {
        var (result, outputs) = new SessionHarness().Run("var x = ;");
        Assert.False(result.Succeeded);
        Assert.Contains("error CS1525", Assert.Single(outputs.OfType<ErrorOutput>()).Traceback[0]);
    }

    [Fact]
    public void HugePrint_IsTruncatedWithNotice_AndSessionStaysUsable()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run("Console.Write(new string('x', 10_000_000));");
        Assert.True(result.Succeeded);
        string text = SessionHarness.Stdout(outputs);
        Assert.True(text.Length < CellOutputChannel.StreamCharacterLimit + 500, $"kept {text.Length} characters");
        Assert.Contains("[output truncated", text);
        Assert.Contains("9,000,000 more were dropped", text);
        Assert.Equal("2", SessionHarness.ResultText(harness.Run("1 + 1").Outputs));
    }

    [Fact]
    public void ErrorsDoNotShowTheNotebookFolder()
    {
        var harness = new SessionHarness();
        var (_, outputs) = harness.Run("File.ReadAllText(Path.Combine(Directory.GetCurrentDirectory(), \"x\")); throw new Exception(Path.GetFullPath(\"" + harness.WorkingDirectory + "/missing.txt\"));");
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.DoesNotContain(harness.WorkingDirectory, error.Value + string.Join("\n", error.Traceback));
    }

    [Fact]
    public void ReadingStdin_FailsFast()
    {
        var (result, outputs) = new SessionHarness().Run("Console.ReadLine()");
        Assert.False(result.Succeeded);
        Assert.Equal("System.InvalidOperationException", Assert.Single(outputs.OfType<ErrorOutput>()).Name);
    }

    [Fact]
    public void CsharpMagic_IsAcceptedSilently_OtherMagicsAreClearErrors()
    {
        var harness = new SessionHarness();
        Assert.Equal("3", SessionHarness.ResultText(harness.Run("#!csharp\n1 + 2").Outputs));
        var error = Assert.Single(harness.Run("#!fsharp\nlet x = 1").Outputs.OfType<ErrorOutput>());
        Assert.Contains("not supported by this kernel", error.Value);
    }

    [Fact]
    public async Task CancelledToken_ObservedByTheCell_IsReportedAsInterrupted_AndStateSurvives()
    {
        var harness = new SessionHarness();
        harness.Run("var survivor = 42;");
        using var cancellation = new CancellationTokenSource();
        var outputs = new List<CellOutput>();
        var task = Task.Run(() => harness.Session.Execute("""
            var token = ((Func<CancellationToken>)AppContext.GetData("RnnLab.Cancellation")!)();
            while (true) { token.ThrowIfCancellationRequested(); Thread.Sleep(10); }
            """, outputs.Add, cancellation.Token), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        cancellation.Cancel();
        var result = await task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("Interrupted", result.Error?.Name);
        Assert.Equal("42", SessionHarness.ResultText(harness.Run("survivor").Outputs));
    }

    [Fact]
    public void CellsWithoutDeclarations_StillChangeEarlierVariables()
    {
        var harness = new SessionHarness();
        harness.Run("var total = 1;\nvar items = new List<int>();");
        harness.Run("total = 5;");
        harness.Run("items.Add(7)");
        Assert.Equal("12", SessionHarness.ResultText(harness.Run("total + items.Single()").Outputs));
    }

    [Fact]
    public void FrameworkAssembliesOutsideTheDefaultSet_LoadByName()
    {
        var harness = new SessionHarness();
        Assert.False(harness.Run("typeof(System.Data.DataTable).Name").Result.Succeeded);
        var (result, outputs) = harness.Run("#r \"System.Data.Common\"\ntypeof(System.Data.DataTable).Name");
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Equal("DataTable", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public async Task TightLoop_StopsOnCancellation_AndStateSurvives()
    {
        var harness = new SessionHarness();
        harness.Run("var survivor = 42;\nlong Spin() { long n = 0; while (true) n++; }");
        using var cancellation = new CancellationTokenSource();
        var outputs = new List<CellOutput>();
        var task = Task.Run(() => harness.Session.Execute("while (true) { }", outputs.Add, cancellation.Token), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        cancellation.Cancel();
        var result = await task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("Interrupted", result.Error?.Name);

        using var second = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var inFunction = await Task.Run(() => harness.Session.Execute("Spin()", _ => { }, second.Token), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("Interrupted", inFunction.Error?.Name);
        Assert.Equal("42", SessionHarness.ResultText(harness.Run("survivor").Outputs));
    }

    [Fact]
    public void LoopRewriting_KeepsLineNumbersAndColumns()
    {
        var harness = new SessionHarness();
        var (_, outputs) = harness.Run("var values = new[] { 1, 0 };\nforeach (var v in values)\n    Console.WriteLine(10 / v);");
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Contains("   at cell [1], line 3", error.Traceback);
        var (_, compile) = harness.Run("for (int i = 0; i < 3; i++)\n{\n    undefined++;\n}");
        Assert.StartsWith("(3,5): error CS0103", Assert.Single(compile.OfType<ErrorOutput>()).Traceback[0]);
    }

    [Fact]
    public void ConsoleReadLine_AndInput_AskTheFrontEnd_WhenItAllows()
    {
        var harness = new SessionHarness();
        var prompts = new List<(string Prompt, bool Password)>();
        var outputs = new List<CellOutput>();
        var result = harness.Session.Execute("""
            Console.Write("name: ");
            var name = Console.ReadLine();
            var secret = password("key? ");
            $"{name}/{secret}/{input("again? ")}"
            """, outputs.Add, TestContext.Current.CancellationToken,
            readInput: (prompt, hidden) => { prompts.Add((prompt, hidden)); return $"answer{prompts.Count}"; });
        Assert.True(result.Succeeded);
        Assert.Equal([("", false), ("key? ", true), ("again? ", false)], prompts);
        Assert.Equal("name: ", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Equal("answer1/answer2/answer3", SessionHarness.ResultText(outputs));
    }
}
