using RnnLab.Kernel;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>
/// Regression check (b): `jupyter nbconvert --to notebook --execute` with our kernel, the way a
/// workshop machine or CI runs the collection, passes every check cell and reproduces the committed
/// outputs (after masking). Skips locally without Jupyter; fails under CI=true.
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class NbconvertTests
{
    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void Nbconvert_ExecutesTheNotebook_WithOurKernel_AndReproducesItsOutputs(string name)
    {
        JupyterEnvironment.RequireNbconvert();
        string output = Directory.CreateTempSubdirectory("rnnlab-nbconvert-").FullName;
        var (exit, log) = JupyterEnvironment.Run("jupyter", 
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KernelIdentity.KernelName,
             "--ExecutePreprocessor.timeout=600", "--output-dir", output, name],
            CommittedNotebooks.Folder, TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, $"nbconvert failed on {name}:\n{log}");
        var executed = NotebookJson.Load(Path.Combine(output, name));
        CommittedNotebooks.AssertChecksPassed(name, executed);
        CommittedNotebooks.AssertSameOutputs(name, executed, "executed by nbconvert");
    }
}
