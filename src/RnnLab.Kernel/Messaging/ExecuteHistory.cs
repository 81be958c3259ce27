using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// In-memory input history for history_request (consoles use it): tail, range and glob search
/// over this kernel run's stored executes. Session number 1 is this run.
/// </summary>
public sealed class ExecuteHistory
{
    private readonly List<(int Line, string Input, string? Output)> _entries = [];
    private readonly object _gate = new();

    public void Add(int line, string input, string? output)
    {
        lock (_gate) _entries.Add((line, input, output));
    }

    public JsonArray Answer(JsonObject request)
    {
        bool withOutput = (bool?)request["output"] ?? false;
        List<(int Line, string Input, string? Output)> entries;
        lock (_gate) entries = [.. _entries];
        IEnumerable<(int Line, string Input, string? Output)> selected = (string?)request["hist_access_type"] switch
        {
            "tail" => entries.TakeLast(Math.Max(0, (int?)request["n"] ?? 10)),
            "range" => entries.Where(e => e.Line >= ((int?)request["start"] ?? 0) && e.Line < ((int?)request["stop"] ?? int.MaxValue)),
            "search" => Search(entries, request),
            _ => [],
        };
        var history = new JsonArray();
        foreach (var (line, input, output) in selected)
            history.Add(new JsonArray(1, line, withOutput ? new JsonArray(input, output) : JsonValue.Create(input)));
        return history;
    }

    private static IEnumerable<(int Line, string Input, string? Output)> Search(List<(int Line, string Input, string? Output)> entries, JsonObject request)
    {
        string pattern = (string?)request["pattern"] ?? "*";
        var glob = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
        var matches = entries.Where(e => glob.IsMatch(e.Input));
        if ((bool?)request["unique"] ?? false)
            matches = matches.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line);
        int? n = (int?)request["n"];
        return n is > 0 ? matches.TakeLast(n.Value) : matches;
    }
}
