using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RnnLab.Kernel.Messaging;
using RnnLab.Kernel.Tests.Execution;

namespace RnnLab.Kernel.Tests.Messaging;

public class ExecutionWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void StopOnError_AbortsARequestThatArrivedButWasNotYetRead()
    {
        var sent = new BlockingCollection<OutgoingMessage>();
        ExecutionWorker? worker = null;
        int deliveries = 0;
        // The transport finds one more request on its socket when asked, as when the I/O thread
        // had not read it yet at the moment the first cell failed.
        worker = new ExecutionWorker(new SessionHarness().Session, sent.Add, new ExecuteHistory(), () =>
        {
            if (Interlocked.Increment(ref deliveries) == 1) worker!.Enqueue(ExecuteRequest("late", "1 + 1"));
        });

        worker.Enqueue(ExecuteRequest("failing", "throw new InvalidOperationException(\"first fails\");"));

        var replies = Replies(sent, 2);
        Assert.Equal([("failing", "error"), ("late", "aborted")], replies);
        Assert.Equal(1, deliveries);
    }

    [Fact]
    public void WithoutStopOnError_NothingIsAbortedAndTheTransportIsNotAsked()
    {
        var sent = new BlockingCollection<OutgoingMessage>();
        int deliveries = 0;
        var worker = new ExecutionWorker(new SessionHarness().Session, sent.Add, new ExecuteHistory(),
            () => Interlocked.Increment(ref deliveries));

        worker.Enqueue(ExecuteRequest("failing", "throw new InvalidOperationException(\"first fails\");", stopOnError: false));
        worker.Enqueue(ExecuteRequest("next", "1 + 1"));

        Assert.Equal([("failing", "error"), ("next", "ok")], Replies(sent, 2));
        Assert.Equal(0, deliveries);
    }

    [Fact]
    public void AnInterruptThatLandsAfterTheCellsCodeEnded_StillGetsTheRequestAnswered()
    {
        // The interrupting thread is slow (here: a cancellation callback the cell registered sleeps, as when
        // the I/O thread is descheduled mid-interrupt), so the cell's code ends on its own while the
        // interrupt is still being delivered. That late interrupt once escaped into the worker's bookkeeping
        // and the request never got a reply.
        var sent = new BlockingCollection<OutgoingMessage>();
        var worker = new ExecutionWorker(new SessionHarness().Session, sent.Add, new ExecuteHistory(), () => { });
        string flag = $"{nameof(ExecutionWorkerTests)}.{Guid.NewGuid():N}";
        worker.Enqueue(ExecuteRequest("slow interrupt", $$"""
            var kept = 21;
            var token = ((Func<CancellationToken>)AppContext.GetData("RnnLab.Cancellation")!)();
            token.Register(() => Thread.Sleep(400));
            AppContext.SetData("{{flag}}", true);
            Thread.Sleep(100);
            """));
        var waiting = Stopwatch.StartNew();
        while (AppContext.GetData(flag) is null)
        {
            Assert.True(waiting.Elapsed < Patience, "the cell never started");
            Thread.Sleep(1);
        }
        worker.Interrupt();

        var reply = Assert.Single(Replies(sent, 1));
        Assert.Contains(reply.Status, new[] { "ok", "error" });
        worker.Enqueue(ExecuteRequest("after", "kept * 2"));
        Assert.Equal([("after", "ok")], Replies(sent, 1));
    }

    [Fact]
    public void AFailureOfTheWorkerItself_StillAnswersTheRequest()
    {
        var sent = new BlockingCollection<OutgoingMessage>();
        var replyContents = new ConcurrentQueue<JsonObject>();
        var worker = new ExecutionWorker(new SessionHarness().Session, message =>
        {
            if (message.Type == "execute_input" && ParentId(message) == "broken")
                throw new InvalidOperationException("outbox failure");
            if (message.Type == "execute_reply") replyContents.Enqueue(message.Content);
            sent.Add(message);
        }, new ExecuteHistory(), () => { });

        worker.Enqueue(ExecuteRequest("broken", "1"));
        worker.Enqueue(ExecuteRequest("next", "2"));

        Assert.Equal([("broken", "error"), ("next", "ok")], Replies(sent, 2));
        var failure = replyContents.First();
        Assert.Equal("KernelError", (string?)failure["ename"]);
        Assert.Contains("outbox failure", (string?)failure["evalue"]);
    }

    private static List<(string Id, string Status)> Replies(BlockingCollection<OutgoingMessage> sent, int count)
    {
        var replies = new List<(string, string)>();
        while (replies.Count < count)
        {
            if (!sent.TryTake(out var message, Patience))
                Assert.Fail($"expected {count} execute replies within {Patience.TotalSeconds} s, got [{string.Join(", ", replies)}]");
            if (message.Type != "execute_reply") continue;
            replies.Add((ParentId(message), (string)message.Content["status"]!));
        }
        return replies;
    }

    private static string ParentId(OutgoingMessage message) => (string)JsonNode.Parse(message.ParentHeader!)!["msg_id"]!;

    private static JupyterMessage ExecuteRequest(string id, string code, bool stopOnError = true)
    {
        var header = new JsonObject { ["msg_id"] = id, ["msg_type"] = "execute_request", ["session"] = "test", ["version"] = "5.3" };
        var content = new JsonObject { ["code"] = code, ["silent"] = false, ["stop_on_error"] = stopOnError };
        return new JupyterMessage([], Encoding.UTF8.GetBytes(header.ToJsonString()), header, content, Signature: "");
    }
}
