using System.Text.Json.Nodes;

namespace Notebooks.Tests;

public class OutputMaskingTests
{
    [Theory]
    [InlineData("loss 0.19583", "loss 0.196")]
    [InlineData("max |diff| 1.79e-07 close", "max |diff| ≈0 close")]
    [InlineData("shape (5, 3, 20) epoch 100", "shape (5, 3, 20) epoch 100")]
    [InlineData("a    b", "a b")]
    [InlineData("tensor([[ 0.1234, -1.2000]])", "tensor([[ 0.123, -1.2]])")]
    public void Text_MasksFloatDigitsAndSpacing(string text, string masked) =>
        Assert.Equal(masked, OutputMasking.Text(text));

    [Fact]
    public void RealChanges_StayVisible()
    {
        Assert.NotEqual(OutputMasking.Text("loss 0.1958"), OutputMasking.Text("loss 0.2016"));
        Assert.NotEqual(OutputMasking.Text("'good i am fine '"), OutputMasking.Text("'good i am fine'"));
        Assert.NotEqual(OutputMasking.Text("✓ checked"), OutputMasking.Text("✗ checked"));
        Assert.NotEqual(OutputMasking.Text("(2, 3, 20)"), OutputMasking.Text("(3, 2, 20)"));
    }

    [Fact]
    public void Images_CountButTheirPixelsDoNot()
    {
        JsonObject Notebook(string svg) => new()
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "c",
                ["outputs"] = new JsonArray(new JsonObject
                {
                    ["output_type"] = "execute_result",
                    ["data"] = new JsonObject { ["image/svg+xml"] = svg, ["text/html"] = $"<img src=\"data:image/svg+xml;base64,{svg}\">" },
                }),
            }),
        };
        Assert.Equal(OutputMasking.Of(Notebook("QUJD")), OutputMasking.Of(Notebook("REVG")));
        var noImage = new JsonObject { ["cells"] = new JsonArray(new JsonObject { ["cell_type"] = "code", ["id"] = "c", ["outputs"] = new JsonArray() }) };
        Assert.NotEqual(OutputMasking.Of(Notebook("QUJD")), OutputMasking.Of(noImage));
    }

    [Fact]
    public void RoundingSensitiveCells_KeepTheirWordsButNotTheirDigits()
    {
        JsonObject Notebook(string text, bool sensitive) => new()
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "c",
                ["metadata"] = sensitive ? new JsonObject { ["tags"] = new JsonArray("rounding-sensitive-output") } : new JsonObject(),
                ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text }),
            }),
        };
        Assert.Equal(OutputMasking.Of(Notebook("relu 6.67e-04", true)), OutputMasking.Of(Notebook("relu 3.06e-04", true)));
        Assert.NotEqual(OutputMasking.Of(Notebook("relu 6.67e-04", true)), OutputMasking.Of(Notebook("tanh 6.67e-04", true)));
        Assert.NotEqual(OutputMasking.Of(Notebook("relu 6.67e-04", false)), OutputMasking.Of(Notebook("relu 3.06e-04", false)));
    }
}
