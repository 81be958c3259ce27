namespace RnnLab.Kernel.Tests;

[Collection(ProcessWideStateCollection.Name)]
public class RunCommandTests
{
    [Fact]
    public void Execute_OnEmptyFolder_SaysSoAndSucceeds()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-run-").FullName;
        var output = new StringWriter();
        Assert.Equal(0, RunCommand.Execute([folder], output));
        Assert.Contains("No notebooks found", output.ToString());
    }

    [Fact]
    public void Execute_OnMissingPath_FailsAndNamesIt()
    {
        var output = new StringWriter();
        Assert.Equal(2, RunCommand.Execute(["no/such/place"], output));
        Assert.Contains("no/such/place", output.ToString());
    }
}
