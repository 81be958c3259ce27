using System.Diagnostics;
using RnnLab.Kernel.Installation;

namespace RnnLab.Testing;

/// <summary>
/// Debian's Jupyter driving our kernel: the kernelspec installed with --prefix into a temp folder once
/// per test run (JUPYTER_PATH points there), and a way to run Jupyter's tools against it. Linked into
/// the kernel and notebook test projects. Tests needing Jupyter or libzmq skip locally without them.
/// </summary>
public static class JupyterEnvironment
{
    private const string Python = "/usr/bin/python3";
    public const string LibZmq = "/usr/lib/x86_64-linux-gnu/libzmq.so.5";
    private static readonly Lazy<string> Prefix = new(Install);

    public static string JupyterPath => Path.Combine(Prefix.Value, "share", "jupyter");

    public static string PythonTestsFolder => Path.Combine(AppContext.BaseDirectory, "python");

    public static void RequireJupyterClient()
    {
        Requires.Tool(File.Exists(LibZmq), "libzmq", "apt-get install libzmq5");
        Requires.Tool(Requires.PythonModule("jupyter_client"), "Python's jupyter_client", "apt-get install jupyter-client python3-ipykernel");
    }

    public static void RequireKernelTestSuite()
    {
        RequireJupyterClient();
        Requires.Tool(Requires.PythonModule("jupyter_kernel_test"), "jupyter_kernel_test", "apt-get install python3-jupyter-kernel-test");
    }

    public static void RequireNbconvert()
    {
        RequireJupyterClient();
        Requires.Tool(Requires.CommandExists("jupyter") && Requires.PythonModule("nbconvert"), "jupyter nbconvert", "apt-get install jupyter-nbconvert");
    }

    /// <summary>Runs a command with JUPYTER_PATH set; returns exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["JUPYTER_PATH"] = JupyterPath;
        info.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        return ProcessOutput.Run(info, timeout);
    }

    /// <summary>python3 -m unittest -v MODULE from the python test folder.</summary>
    public static (int ExitCode, string Output) RunUnittest(string module) =>
        Run(Python, ["-m", "unittest", "-v", module], PythonTestsFolder, TimeSpan.FromMinutes(10));

    private static string Install()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-kernelspec-").FullName;
        var log = new StringWriter();
        if (KernelSpecInstaller.Execute("install", ["--prefix", prefix], log) != 0)
            throw new InvalidOperationException("install failed: " + log);
        return prefix;
    }
}
