using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Messaging;

/// <summary>Cell outputs as iopub messages (msg_type and content).</summary>
public static class OutputMessages
{
    public static (string Type, JsonObject Content) From(CellOutput output) => output switch
    {
        StreamOutput s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
        DisplayDataOutput d => ("display_data", new JsonObject
        {
            ["data"] = Data(d.Data), ["metadata"] = new JsonObject(),
            ["transient"] = d.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = d.DisplayId },
        }),
        UpdateDisplayDataOutput u => ("update_display_data", new JsonObject
        {
            ["data"] = Data(u.Data), ["metadata"] = new JsonObject(), ["transient"] = new JsonObject { ["display_id"] = u.DisplayId },
        }),
        ExecuteResultOutput r => ("execute_result", new JsonObject
        {
            ["execution_count"] = r.ExecutionCount, ["data"] = Data(r.Data), ["metadata"] = new JsonObject(),
        }),
        ErrorOutput e => ("error", ErrorContent(e)),
        ClearOutputOutput c => ("clear_output", new JsonObject { ["wait"] = c.Wait }),
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name),
    };

    public static JsonObject ErrorContent(ErrorOutput error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };

    /// <summary>MIME bundle for the wire: JSON types as parsed JSON, everything else as one string.</summary>
    public static JsonObject Data(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
        {
            JsonNode? node = JsonValue.Create(value);
            if (MimeTypes.IsJson(mime))
                try
                {
                    node = JsonNode.Parse(value);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Not JSON after all: send the text rather than lose the output.
                }
            data[mime] = node;
        }
        return data;
    }
}
