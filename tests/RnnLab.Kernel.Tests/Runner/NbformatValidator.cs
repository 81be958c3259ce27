using System.Diagnostics;
using RnnLab.Testing;

namespace RnnLab.Kernel.Tests.Runner;

/// <summary>Validates a notebook file with Jupyter's own nbformat (Debian's python3).</summary>
internal static class NbformatValidator
{
    public static void AssertValid(string notebookPath)
    {
        Requires.Tool(Requires.PythonModule("nbformat"), "Python's nbformat", "apt-get install python3-nbformat");
        var info = new ProcessStartInfo("/usr/bin/python3",
            ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)); print('valid')", notebookPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"nbformat rejected {notebookPath}:\n{stdout}{stderr}");
    }
}
