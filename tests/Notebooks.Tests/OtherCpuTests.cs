using System.Diagnostics;
using RnnLab.Kernel.Notebooks;
using RnnLab.Testing;

namespace Notebooks.Tests;

/// <summary>
/// Outputs that reproduce on other CPUs: libtorch picks its kernels by instruction set and splits work by thread
/// count, so a student's laptop could print other digits than this machine. The whole collection runs as the main
/// command does, in a fresh process, with libtorch's portable kernels (ATEN_CPU_CAPABILITY=default) and with 1 and 2
/// threads (RnnLab's thread policy, RNNLAB_TORCH_THREADS), and must give the committed outputs after masking.
/// A sampled string or a completion that changed here would be a bug in the lesson, not in the mask.
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class OtherCpuTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void PortableKernels_WithOneOrTwoThreads_GiveTheCommittedOutputs(string threads)
    {
        string output = Directory.CreateTempSubdirectory("rnnlab-portable-").FullName;
        var run = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "RnnLab.Kernel.dll"), "run", "--timeout", "300", "--output-dir", output, CommittedNotebooks.Folder]);
        run.Environment["ATEN_CPU_CAPABILITY"] = "default";
        run.Environment["RNNLAB_TORCH_THREADS"] = threads;
        // OpenMP's default spin-waiting made two threads on a busy 2-core machine take minutes per notebook.
        run.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        var (exitCode, log) = ProcessOutput.Run(run, TimeSpan.FromMinutes(15));
        Assert.True(exitCode == 0, log);
        foreach (string name in CommittedNotebooks.Names)
        {
            var executed = NotebookJson.Load(Path.Combine(output, name));
            CommittedNotebooks.AssertChecksPassed(name, executed);
            CommittedNotebooks.AssertSameOutputs(name, executed, $"with ATEN_CPU_CAPABILITY=default and {threads} thread(s)");
        }
    }
}
