using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;
using RnnLab.Kernel.Tests.Runner;

namespace RnnLab.Kernel.Tests.Jupyter;

/// <summary>
/// The kernel driven by real Jupyter software: jupyter_client (python/test_protocol.py,
/// test_lifecycle.py), Jupyter's conformance suite (python/test_conformance.py) and nbconvert.
/// One at a time: jupyter_kernel_test allows only 0.1 s between iopub messages, so it should not share the CPU with its siblings.
/// </summary>
[Collection(nameof(JupyterClientTests))]
public class JupyterClientTests
{
    [Fact]
    public void ConformanceSuite_jupyter_kernel_test_Passes()
    {
        JupyterEnvironment.RequireKernelTestSuite();
        var (exit, output) = JupyterEnvironment.RunUnittest("test_conformance");
        Assert.True(exit == 0, output);
        Assert.Contains("Ran 12 tests", output);
        // Only the deprecated pager (payloads) may skip: completion and inspection samples run.
        Assert.Contains("OK (skipped=1)", output);
        Assert.Contains("test_completion", output);
        Assert.DoesNotContain("test_completion (test_conformance.RnnLabCSharpKernelTests.test_completion) ... skipped", output);
    }

    [Fact]
    public void ProtocolTests_ThroughJupyterClient_Pass()
    {
        JupyterEnvironment.RequireJupyterClient();
        var (exit, output) = JupyterEnvironment.RunUnittest("test_protocol");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("skipped", output);
    }

    [Fact]
    public void TorchSharp_ThroughJupyterClient_GradModeCarries_AndErrorsAreShort()
    {
        JupyterEnvironment.RequireJupyterClient();
        var (exit, output) = JupyterEnvironment.RunUnittest("test_torchsharp");
        Assert.True(exit == 0, output);
        Assert.Contains("Ran 3 tests", output);
        Assert.DoesNotContain("skipped", output);
    }

    [Fact]
    public void NbconvertExecute_RunsATorchSharpAndPlotlyNotebook_LikeTheInProcessRunner()
    {
        JupyterEnvironment.RequireNbconvert();
        string folder = TestNotebookFolder.Create();
        const string name = "torchsharp-plotly.ipynb";
        var (exit, output) = JupyterEnvironment.Run("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=" + KernelIdentity.KernelName,
             "--ExecutePreprocessor.timeout=600", "--output", "by-nbconvert.ipynb", name],
            folder, TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, output);
        var byRunner = Notebooks.NotebookRunner.Run(Path.Combine(folder, name),
            new Notebooks.RunOptions { AllowErrors = true, OutputDirectory = Path.Combine(folder, "by-runner") });
        Assert.True(byRunner.Succeeded, byRunner.Failure);

        foreach (string path in new[] { Path.Combine(folder, "by-nbconvert.ipynb"), byRunner.WrittenTo! })
        {
            var notebook = NotebookJson.Load(path);
            JsonArray Outputs(string id) => notebook["cells"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["id"] == id)["outputs"]!.AsArray();
            string Result(string id) => NotebookJson.Text(Outputs(id).Single()!["data"]!["text/plain"]);
            // torch.randn(5) after manual_seed(0): PyTorch's own first five numbers.
            Assert.Equal("1.5410, -0.2934, -2.1788, 0.5684, -1.0845", Result("seeded"));
            Assert.Equal("true", Result("chart"));
            Assert.Equal("false", Result("grad-mode"));
            var error = Outputs("shape-error").Single()!;
            Assert.Equal("The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1", (string?)error["evalue"]);
            Assert.Equal("5", Result("after-error"));
        }
    }

    [Fact]
    public void RestartAndShutdown_ThroughJupyterClient_Pass()
    {
        JupyterEnvironment.RequireJupyterClient();
        var (exit, output) = JupyterEnvironment.RunUnittest("test_lifecycle");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void NbconvertExecute_RunsTheFeatureNotebook_WithAllowErrors()
    {
        JupyterEnvironment.RequireNbconvert();
        string folder = TestNotebookFolder.Create();
        var (exit, output) = JupyterEnvironment.Run("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=" + KernelIdentity.KernelName,
             "--ExecutePreprocessor.timeout=600", "--output", "executed.ipynb", TestNotebookFolder.FeaturesNotebook],
            folder, TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, output);

        var notebook = NotebookJson.Load(Path.Combine(folder, "executed.ipynb"));
        JsonArray Outputs(string id) => notebook["cells"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["id"] == id)["outputs"]!.AsArray();
        Assert.Equal("Hello from a #:project library, notebook!\n", NotebookJson.Text(Outputs("references")[0]!["text"]));
        Assert.Equal("42", NotebookJson.Text(Outputs("references")[1]!["data"]!["text/plain"]));
        Assert.Equal(["stdout", "stderr"], Outputs("streams").Select(o => (string?)o!["name"]));
        Assert.Equal("100%", NotebookJson.Text(Outputs("display-update").Single()!["data"]!["text/plain"]));
        Assert.Equal("System.InvalidOperationException", (string?)Outputs("error").Single()!["ename"]);
        Assert.Equal("3", NotebookJson.Text(Outputs("after-error").Single()!["data"]!["text/plain"]));
        Assert.Equal("csharp", (string?)notebook["metadata"]!["language_info"]!["name"]);
    }

    [Fact]
    public void NbconvertExecute_WithoutAllowErrors_FailsOnTheFailingCell()
    {
        JupyterEnvironment.RequireNbconvert();
        string folder = TestNotebookFolder.Create();
        var (exit, output) = JupyterEnvironment.Run("jupyter",
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KernelIdentity.KernelName,
             "--output", "executed.ipynb", TestNotebookFolder.FeaturesNotebook],
            folder, TimeSpan.FromMinutes(10));
        Assert.NotEqual(0, exit);
        Assert.Contains("expected failure", output);
    }
}
