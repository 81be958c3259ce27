using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Messaging;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// The reply contents of complete_request, inspect_request and is_complete_request. They never
/// throw: a failure of ours (logged) answers "no matches" / "not found" so a front end never waits.
/// </summary>
public static class IntellisenseReplies
{
    public static JsonObject Complete(ExecutionSession session, JsonObject request, Action<string> log)
    {
        string code = (string?)request["code"] ?? "";
        int cursor = (int?)request["cursor_pos"] ?? CodePoints.FromUtf16(code, code.Length);
        CompletionAnswer answer;
        try
        {
            answer = CellCompleter.Complete(session.CompletionContext, code, cursor);
        }
        catch (Exception e)
        {
            log($"completion failed: {e}");
            answer = new CompletionAnswer([], cursor, cursor);
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(answer.Matches.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            ["cursor_start"] = answer.CursorStart,
            ["cursor_end"] = answer.CursorEnd,
            ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject Inspect(ExecutionSession session, JsonObject request, Action<string> log)
    {
        string code = (string?)request["code"] ?? "";
        int cursor = (int?)request["cursor_pos"] ?? CodePoints.FromUtf16(code, code.Length);
        InspectionAnswer answer;
        try
        {
            answer = CellInspector.Inspect(session.CompletionContext, code, cursor);
        }
        catch (Exception e)
        {
            log($"inspection failed: {e}");
            answer = InspectionAnswer.NotFound;
        }
        return new JsonObject
        {
            ["status"] = "ok", ["found"] = answer.Found, ["data"] = OutputMessages.Data(answer.Data), ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject IsComplete(JsonObject request)
    {
        var (status, indent) = CompletenessChecker.Check((string?)request["code"] ?? "");
        var reply = new JsonObject { ["status"] = status };
        if (indent is not null) reply["indent"] = indent;
        return reply;
    }
}
