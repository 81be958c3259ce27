using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

/// <summary>A session in its own temp folder that records every output per cell.</summary>
internal sealed class SessionHarness
{
    public SessionHarness(string? workingDirectory = null, string? cacheRoot = null)
    {
        WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("rnnlab-session-").FullName;
        Session = new ExecutionSession(new ExecutionSessionOptions
        {
            WorkingDirectory = WorkingDirectory,
            CacheRoot = cacheRoot ?? Path.Combine(WorkingDirectory, ".cache"),
        });
    }

    public string WorkingDirectory { get; }
    public ExecutionSession Session { get; }

    public (CellResult Result, List<CellOutput> Outputs) Run(string code)
    {
        var outputs = new List<CellOutput>();
        var result = Session.Execute(code, o => { lock (outputs) outputs.Add(o); });
        return (result, outputs);
    }

    public static string Stdout(IEnumerable<CellOutput> outputs) =>
        string.Concat(outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));

    public static string? ResultText(IEnumerable<CellOutput> outputs) =>
        outputs.OfType<ExecuteResultOutput>().SingleOrDefault()?.Data[MimeTypes.PlainText];
}
