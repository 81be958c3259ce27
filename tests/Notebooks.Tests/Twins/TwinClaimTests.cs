using System.Text.Json.Nodes;

namespace Notebooks.Tests.Twins;

/// <summary>The comparison and the claims format themselves, so a broken harness cannot pass every notebook.</summary>
public class TwinClaimTests
{
    private static TwinClaim Claim(string value, double rtol = 1e-3, double atol = 0) =>
        new("twin.py", "nb.ipynb", "x", JsonNode.Parse(value)!, rtol, atol, "the loss");

    [Theory]
    [InlineData("1.0", "1.0009")]
    [InlineData("[1.0, -2.0]", "[1.0005, -2.001]")]
    [InlineData("\"good i am fine \"", "\"good i am fine \"")]
    [InlineData("true", "true")]
    public void Agreement_WithinTolerance(string pytorch, string ours) => Assert.Null(Claim(pytorch).Disagreement(JsonNode.Parse(ours)));

    [Theory]
    [InlineData("1.0", "1.0011", "off by")]
    [InlineData("[1.0, -2.0]", "[1.0, -2.01]", "[1]")]
    [InlineData("[1.0, -2.0]", "[1.0]", "2 values")]
    [InlineData("\"good i am fine \"", "\"good i am fin  \"", "good i am fin")]
    [InlineData("true", "false", "false")]
    [InlineData("1.0", "\"1.0\"", "the notebook \"1.0\"")]
    [InlineData("1.0", "\"NaN\"", "NaN")]
    public void Disagreement_NamesTheClaimAndBothValues(string pytorch, string ours, string mentioned)
    {
        string? message = Claim(pytorch).Disagreement(JsonNode.Parse(ours));
        Assert.NotNull(message);
        Assert.Contains("twin.py: `x` (the loss)", message);
        Assert.Contains(mentioned, message);
    }

    [Fact]
    public void Atol_AllowsNoiseAroundZero() => Assert.Null(Claim("0.0", rtol: 0, atol: 1e-7).Disagreement(JsonNode.Parse("5e-8")));

    [Fact]
    public void Parse_TakesDefaults_AndRejectsWhatIsNotAClaimsObject()
    {
        var claims = TwinScripts.Parse("t.py", """{"notebook": "a.ipynb", "claims": [{"expression": "loss", "value": 0.5}]}""");
        var claim = Assert.Single(claims);
        Assert.Equal(("a.ipynb", "loss", TwinClaim.DefaultRtol, TwinClaim.DefaultAtol), (claim.Notebook, claim.Expression, claim.Rtol, claim.Atol));
        Assert.Contains("one JSON object", Assert.Throws<InvalidDataException>(() => TwinScripts.Parse("t.py", "loss 0.5")).Message);
        Assert.Contains("expression", Assert.Throws<InvalidDataException>(() =>
            TwinScripts.Parse("t.py", """{"notebook": "a.ipynb", "claims": [{"value": 1}]}""")).Message);
    }
}

/// <summary>The epilogue reads values of every kind a claim compares, from a real notebook's session.</summary>
[Collection(nameof(NotebookExecutionTests))]
public class TwinEpilogueTests
{
    [Fact]
    public void Epilogue_SerializesNumbersListsStringsFlagsAndNaN()
    {
        var values = TwinAgreementTests.NotebookValues("01-shapes-and-permutes.ipynb",
            ["0.1f", "new[] { 1.5f, -2f }", "\"a\" + \"b\"", "1 < 2", "double.NaN", "torch.ones(2).sum().item<float>()"]);
        Assert.Equal("""[0.1,[1.5,-2],"ab",true,"NaN",2]""", values.ToJsonString());
    }
}
