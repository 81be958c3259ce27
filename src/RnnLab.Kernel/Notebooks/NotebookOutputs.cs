using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Notebooks;

/// <summary>
/// Turns a cell's outputs into nbformat outputs the way nbclient does: consecutive stream
/// text of one stream merged, update_display_data rewriting every earlier output (in any cell)
/// with that display id, clear_output honoured (wait: at the next output). Display ids are
/// transient and never written.
/// </summary>
public sealed class NotebookOutputs
{
    private readonly Dictionary<string, List<JsonObject>> _byDisplayId = new(StringComparer.Ordinal);
    private JsonArray _current = [];
    private bool _clearPending;

    /// <summary>Starts collecting for a new cell into <paramref name="outputs"/>.</summary>
    public void BeginCell(JsonArray outputs)
    {
        _current = outputs;
        _clearPending = false;
    }

    public void Add(CellOutput output)
    {
        if (output is ClearOutputOutput clear)
        {
            if (clear.Wait) _clearPending = true;
            else _current.Clear();
            return;
        }
        if (output is UpdateDisplayDataOutput update)
        {
            if (_byDisplayId.TryGetValue(update.DisplayId, out var targets))
                foreach (var target in targets) target["data"] = Data(update.Data);
            return;
        }
        if (_clearPending)
        {
            _current.Clear();
            _clearPending = false;
        }
        switch (output)
        {
            case StreamOutput stream:
                if (_current.Count > 0 && _current[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == stream.Name)
                    last["text"] = NotebookJson.Lines(NotebookJson.Text(last["text"]) + stream.Text);
                else
                    _current.Add(new JsonObject { ["output_type"] = "stream", ["name"] = stream.Name, ["text"] = NotebookJson.Lines(stream.Text) });
                break;
            case DisplayDataOutput display:
                var shown = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(display.Data), ["metadata"] = new JsonObject() };
                if (display.DisplayId is not null)
                {
                    if (!_byDisplayId.TryGetValue(display.DisplayId, out var list)) _byDisplayId[display.DisplayId] = list = [];
                    list.Add(shown);
                }
                _current.Add(shown);
                break;
            case ExecuteResultOutput result:
                _current.Add(new JsonObject
                {
                    ["output_type"] = "execute_result", ["execution_count"] = result.ExecutionCount,
                    ["data"] = Data(result.Data), ["metadata"] = new JsonObject(),
                });
                break;
            case ErrorOutput error:
                _current.Add(new JsonObject
                {
                    ["output_type"] = "error", ["ename"] = error.Name, ["evalue"] = error.Value,
                    ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
                });
                break;
        }
    }

    /// <summary>A MIME bundle as nbformat data: JSON types parsed, text as lists of lines.</summary>
    public static JsonObject Data(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
            data[mime] = MimeTypes.IsJson(mime) ? ParseOrText(value) : NotebookJson.Lines(value);
        return data;
    }

    private static JsonNode? ParseOrText(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
