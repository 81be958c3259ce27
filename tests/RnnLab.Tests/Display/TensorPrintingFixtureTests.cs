using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests.Display;

/// <summary>pystr() must equal PyTorch's str(tensor) character for character.</summary>
public class TensorPrintingFixtureTests
{
    private static readonly TorchFixture Core = TorchFixture.Load("core/printing.json");
    private static readonly TorchFixture Display = TorchFixture.Load("display/tensors.json");

    // core/printing.json's recipes that give a non-leaf: PyTorch prints grad_fn=<...>, which
    // TorchSharp cannot tell; display/tensors.json holds PyTorch's print of the same values as a leaf.
    private static readonly string[] NonLeafRecipes = ["times_two", "sum", "tanh"];

    public static TheoryData<string> CoreCases =>
        new(Core.CaseNames.Where(n => !NonLeafRecipes.Contains(Core[n].GetProperty("recipe").GetString())));

    public static TheoryData<string> DisplayCases => new(Display.CaseNames);

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void CorePrintingCase_MatchesPyTorch(string name)
    {
        JsonElement c = Core[name];
        Tensor t = TorchFixture.Tensor(c.GetProperty("tensor"));
        Tensor shown = c.GetProperty("recipe").GetString() switch
        {
            "plain" => t,
            "requires_grad" => t.requires_grad_(),
            var other => throw new ArgumentException(other),
        };
        Assert.Equal(c.GetProperty("str").GetString(), shown.pystr());
    }

    [Fact]
    public void EveryNonLeafCoreCase_HasItsLeafCounterpartInTheDisplayFixture()
    {
        string[] nonLeaf = [.. Core.CaseNames.Where(n => NonLeafRecipes.Contains(Core[n].GetProperty("recipe").GetString()))];
        Assert.NotEmpty(nonLeaf);
        Assert.All(nonLeaf, n => Assert.StartsWith("leaf_", Display[n].GetProperty("recipe").GetString()));
    }

    [Theory]
    [MemberData(nameof(DisplayCases))]
    public void DisplayPrintingCase_MatchesPyTorch(string name)
    {
        JsonElement c = Display[name];
        string recipe = c.GetProperty("recipe").GetString()!;
        Tensor shown = recipe == "meta" ? Meta(c) : Build(recipe, TorchFixture.Tensor(c.GetProperty("tensor")), c);
        Assert.Equal(c.GetProperty("str").GetString(), shown.pystr());
    }

    private static Tensor Meta(JsonElement c) =>
        empty([.. c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())],
              TorchFixture.DType(c.GetProperty("dtype").GetString()!), device: META);

    private static Tensor Build(string recipe, Tensor t, JsonElement c) => recipe switch
    {
        "plain" => t,
        "to_dtype" => t.to(TorchFixture.DType(c.GetProperty("dtype").GetString()!)),
        "parameter" => nn.Parameter(t),
        "requires_grad" => t.requires_grad_(),
        "leaf_times_two" => t.requires_grad_() * 2,
        "leaf_sum" => t.requires_grad_().sum(),
        "leaf_tanh" => t.requires_grad_().tanh(),
        _ => throw new ArgumentException(recipe),
    };
}
