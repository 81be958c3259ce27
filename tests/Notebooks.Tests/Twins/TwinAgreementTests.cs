using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Notebooks;
using RnnLab.Testing;

namespace Notebooks.Tests.Twins;

/// <summary>
/// The numbers the notebooks state agree with real PyTorch: each notebook runs top to bottom, then every claim its
/// twins make is read from the notebook's own variables (the runner's epilogue) and compared within the twin's stated
/// tolerance (libtorch 2.10 in TorchSharp against Debian's PyTorch 1.13; see notebooks/pytorch/README.md).
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class TwinAgreementTests
{
    /// <summary>Notebooks whose twins do not state claims yet (each is moving onto the convention).</summary>
    private static readonly HashSet<string> NotYetClaimed =
    [
        "01-shapes-and-permutes.ipynb", "02-rnn-from-scratch.ipynb", "03-sin-cos-prediction.ipynb",
        "04-character-completion.ipynb", "05-vanishing-gradients-lstm-gru.ipynb",
    ];

    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void EveryNumberTheTwinsCheck_AgreesWithPyTorch(string name)
    {
        Requires.Tool(Requires.PythonModule("torch"), "Debian's PyTorch", "apt-get install python3-torch");
        var claims = TwinScripts.ClaimsFor(name);
        if (NotYetClaimed.Contains(name))
        {
            Assert.True(claims.Count == 0, $"{name} now has twin claims: take it off {nameof(NotYetClaimed)}");
            return;
        }
        Assert.True(claims.Count > 0, $"no twin in notebooks/pytorch states a claim about {name} (`--claims`)");

        var values = NotebookValues(name, [.. claims.Select(c => c.Expression)]);
        var disagreements = claims.Zip(values).Select(p => p.First.Disagreement(p.Second)).OfType<string>().ToList();
        Assert.True(disagreements.Count == 0, $"{name} disagrees with PyTorch:\n" + string.Join("\n", disagreements));
    }

    /// <summary>Runs the notebook and evaluates each expression at its end, as JSON.</summary>
    internal static JsonArray NotebookValues(string name, IReadOnlyList<string> expressions)
    {
        var run = NotebookRunner.Run(Path.Combine(CommittedNotebooks.Folder, name), new RunOptions
        {
            OutputDirectory = Directory.CreateTempSubdirectory("rnnlab-twins-").FullName,
            CellTimeout = TimeSpan.FromMinutes(5),
            Epilogue = EpilogueReading(expressions),
        });
        Assert.True(run.Succeeded, $"{name}: {run.Failure}");
        string json = run.EpilogueOutputs.OfType<ExecuteResultOutput>().Single().Data[MimeTypes.PlainText];
        return JsonNode.Parse(json)!.AsArray();
    }

    /// <summary>C# that serializes every expression's value into one JSON list (NaN and infinities as strings).</summary>
    internal static string EpilogueReading(IReadOnlyList<string> expressions) =>
        "System.Text.Json.JsonSerializer.Serialize(new object?[] {\n"
        + string.Concat(expressions.Select(e => $"    (object?)({e}),\n"))
        + "}, new System.Text.Json.JsonSerializerOptions { NumberHandling = "
        + "System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals })";
}
