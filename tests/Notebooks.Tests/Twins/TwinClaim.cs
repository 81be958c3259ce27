using System.Text.Json.Nodes;

namespace Notebooks.Tests.Twins;

/// <summary>
/// One number (or string, or flag) a notebook states, as its PyTorch twin computed it: the C# expression that reads
/// it at the end of the notebook, PyTorch's value, and how close libtorch 2.10 must come (|ours - PyTorch| &lt;=
/// atol + rtol * |PyTorch|, elementwise for lists; strings and flags exactly).
/// </summary>
public sealed record TwinClaim(string Twin, string Notebook, string Expression, JsonNode Value, double Rtol, double Atol, string? Why)
{
    /// <summary>The tolerance a twin gets when it names none: six significant digits.</summary>
    public const double DefaultRtol = 1e-6, DefaultAtol = 1e-9;

    /// <summary>Null when <paramref name="ours"/> (the notebook's value, as JSON) agrees; else what differs.</summary>
    public string? Disagreement(JsonNode? ours)
    {
        string where = $"{Twin}: `{Expression}`" + (Why is null ? "" : $" ({Why})");
        return Compare(Value, ours, "") is { } difference ? $"{where}: {difference}" : null;
    }

    private string? Compare(JsonNode? pytorch, JsonNode? ours, string index)
    {
        if (pytorch is JsonArray expected)
        {
            if (ours is not JsonArray actual) return $"PyTorch gives a list of {expected.Count}, the notebook {Show(ours)}";
            if (actual.Count != expected.Count) return $"PyTorch gives {expected.Count} values{index}, the notebook {actual.Count}";
            for (int i = 0; i < expected.Count; i++)
                if (Compare(expected[i], actual[i], $"{index}[{i}]") is { } difference) return difference;
            return null;
        }
        if (pytorch is JsonValue number && number.TryGetValue(out double want))
        {
            if (ours is not JsonValue value || !value.TryGetValue(out double got)) return $"PyTorch gives {want:R}{index}, the notebook {Show(ours)}";
            double allowed = Atol + Rtol * Math.Abs(want);
            return Math.Abs(got - want) <= allowed || (double.IsNaN(want) && double.IsNaN(got)) ? null
                : $"PyTorch gives {want:R}{index}, the notebook {got:R}: off by {Math.Abs(got - want):G3}, allowed {allowed:G3} (rtol {Rtol:G3}, atol {Atol:G3})";
        }
        return JsonNode.DeepEquals(pytorch, ours) ? null : $"PyTorch gives {Show(pytorch)}{index}, the notebook {Show(ours)}";
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
