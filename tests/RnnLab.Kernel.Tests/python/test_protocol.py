"""Protocol tests for the rnnlab-csharp kernel through the real jupyter_client.

Run with JUPYTER_PATH pointing at a folder holding kernels/rnnlab-csharp:
    /usr/bin/python3 -m unittest -v test_protocol
"""
import queue
import re
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = "rnnlab-csharp"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
TIMEOUT = 60


class KernelSession:
    """One kernel shared by the tests of a class (a start costs about a second)."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.2)
            except queue.Empty:
                return

    def interrupt_after_start(self, code, interrupt):
        """Runs code, interrupts it 1 s later; returns (reply content, seconds from interrupt to reply)."""
        self.drain_iopub()
        msg_id = self.kc.execute(code)
        time.sleep(1.0)
        started = time.monotonic()
        interrupt()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        elapsed = time.monotonic() - started
        self.drain_iopub()
        return reply["content"], elapsed

    def run_cell(self, code, **kwargs):
        """Executes code; returns (reply, iopub messages of this request from busy to idle)."""
        msg_id = self.kc.execute(code, **kwargs)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply, messages

    @staticmethod
    def outputs(messages, msg_type):
        return [m for m in messages if m["msg_type"] == msg_type]


class ExecutionTests(KernelSession, unittest.TestCase):
    def test_kernel_info_has_full_language_info_and_valid_headers(self):
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        content = reply["content"]
        self.assertEqual(content["protocol_version"], "5.3")
        self.assertEqual(content["language_info"], {
            "name": "csharp", "version": content["language_info"]["version"], "mimetype": "text/x-csharp",
            "file_extension": ".cs", "pygments_lexer": "csharp", "codemirror_mode": "text/x-csharp"})
        self.assertEqual(reply["header"]["version"], "5.3")
        raw_date = reply["header"]["date"]
        # jupyter_client parses dates it understands into datetime objects: a str means it could not.
        self.assertNotIsInstance(raw_date, str, "header date was not parseable by jupyter_client")

    def test_busy_input_outputs_idle_in_order_with_parent(self):
        reply, messages = self.run_cell('Console.WriteLine("one");\n40 + 2')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in messages]
        self.assertEqual(kinds[0], "status")
        self.assertEqual(messages[0]["content"]["execution_state"], "busy")
        self.assertEqual(kinds[1], "execute_input")
        self.assertEqual(kinds[-1], "status")
        self.assertEqual(kinds[2:-1], ["stream", "execute_result"])
        result = self.outputs(messages, "execute_result")[0]["content"]
        self.assertEqual(result["data"]["text/plain"], "42")
        self.assertEqual(result["execution_count"], reply["content"]["execution_count"])
        self.assertEqual(messages[1]["content"]["execution_count"], reply["content"]["execution_count"])

    def test_state_persists_and_counts_follow_store_history(self):
        first, _ = self.run_cell("var kept = 20;")
        silent, silent_messages = self.run_cell("kept", silent=True)
        self.assertEqual(silent["content"]["execution_count"], first["content"]["execution_count"])
        self.assertEqual([m["msg_type"] for m in silent_messages], ["status", "status"])
        reply, messages = self.run_cell("kept + 22")
        self.assertEqual(reply["content"]["execution_count"], first["content"]["execution_count"] + 1)
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], "42")

    def test_streams_keep_order(self):
        _, messages = self.run_cell('Console.WriteLine("a");\nConsole.Error.WriteLine("b");\nConsole.WriteLine("c");')
        streams = [(m["content"]["name"], m["content"]["text"]) for m in self.outputs(messages, "stream")]
        self.assertEqual(streams, [("stdout", "a\n"), ("stderr", "b\n"), ("stdout", "c\n")])

    def test_runtime_error_then_next_cell_keeps_variables(self):
        self.run_cell("var before = 41;")
        reply, messages = self.run_cell('var x = 1;\nthrow new ArgumentException("bad argument");')
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "System.ArgumentException")
        self.assertEqual(content["evalue"], "bad argument")
        self.assertIn("   at cell [%d], line 2" % content["execution_count"], content["traceback"])
        errors = self.outputs(messages, "error")
        self.assertEqual(len(errors), 1)
        self.assertEqual(len(self.outputs(messages, "stream")), 0)
        reply, messages = self.run_cell("before + x")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], "42")

    def test_compile_error_lists_cell_positions(self):
        reply, messages = self.run_cell("var a = 1;\nvar b = missing;")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationError")
        self.assertTrue(reply["content"]["traceback"][0].startswith("(2,9): error CS0103"))

    def test_display_and_update_share_a_display_id(self):
        _, messages = self.run_cell('var h = display("first");\nh.Update("second");')
        shown = self.outputs(messages, "display_data")[0]["content"]
        updated = self.outputs(messages, "update_display_data")[0]["content"]
        self.assertEqual(shown["data"]["text/plain"], "first")
        self.assertEqual(updated["data"]["text/plain"], "second")
        self.assertEqual(shown["transient"]["display_id"], updated["transient"]["display_id"])

    def test_json_mime_types_are_sent_as_objects(self):
        _, messages = self.run_cell('''
class Figure { public IReadOnlyDictionary<string, string> ToMimeBundle() =>
    new Dictionary<string, string> { ["application/json"] = "{\\"x\\": [1, 2]}", ["text/plain"] = "figure" }; }
new Figure()''')
        data = self.outputs(messages, "execute_result")[0]["content"]["data"]
        self.assertEqual(data["application/json"], {"x": [1, 2]})

    def test_huge_print_is_truncated_and_kernel_stays_responsive(self):
        started = time.monotonic()
        reply, messages = self.run_cell("Console.Write(new string('x', 10_000_000));")
        self.assertEqual(reply["content"]["status"], "ok")
        text = "".join(m["content"]["text"] for m in self.outputs(messages, "stream"))
        self.assertLess(len(text), 1_100_000)
        self.assertIn("[output truncated", text)
        self.assertLess(time.monotonic() - started, 30)
        reply, _ = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_stop_on_error_aborts_queued_requests(self):
        self.drain_iopub()
        # The failing cell sleeps first so both later requests have surely been sent before it fails
        # (a client descheduled between sends would otherwise race it; ipykernel's own test does the same).
        ids = [self.kc.execute('System.Threading.Thread.Sleep(500);\nthrow new Exception("first fails");'),
               self.kc.execute("1"), self.kc.execute("2")]
        replies = {}
        while len(replies) < 3:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        self.assertEqual([replies[i] for i in ids], ["error", "aborted", "aborted"])
        self.drain_iopub()
        reply, _ = self.run_cell("3")
        self.assertEqual(reply["content"]["status"], "ok")

    def test_is_complete_comm_info_and_history(self):
        self.kc.is_complete("if (true) {")
        self.assertEqual(self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"], "incomplete")
        msg_id = self.kc.comm_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual((reply["parent_header"]["msg_id"], reply["content"]["comms"]), (msg_id, {}))
        self.kc.history(hist_access_type="tail", n=1)
        self.assertEqual(len(self.kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]), 1)

    def test_forged_and_unsigned_messages_are_dropped(self):
        self.drain_iopub()
        real_key = self.kc.session.key
        try:
            self.kc.session.key = b"forged-key"
            self.kc.execute('Console.WriteLine("forged ran");')
            self.kc.session.key = b""
            self.kc.execute('Console.WriteLine("unsigned ran");')
        finally:
            self.kc.session.key = real_key
        with self.assertRaises(queue.Empty):
            self.kc.get_shell_msg(timeout=1.5)
        with self.assertRaises(queue.Empty):
            self.kc.get_iopub_msg(timeout=0.5)
        reply, messages = self.run_cell('Console.WriteLine("signed ran");')
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.outputs(messages, "stream")[0]["content"]["text"], "signed ran\n")

    def test_interrupt_stops_a_sleeping_cell_and_keeps_state(self):
        self.run_cell("var survivor = 7;")
        content, elapsed = self.interrupt_after_start("System.Threading.Thread.Sleep(60_000);", self.km.interrupt_kernel)
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(elapsed, 5)
        reply, messages = self.run_cell("survivor * 6")
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], "42")

    def test_interrupt_stops_a_tight_loop(self):
        self.run_cell("var kept = 6;")
        content, elapsed = self.interrupt_after_start("long spins = 0;\nwhile (true) { spins++; }", self.km.interrupt_kernel)
        self.assertEqual(content["ename"], "Interrupted")
        self.assertLess(elapsed, 1.5)
        reply, messages = self.run_cell("kept * 7")
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], "42")

    def test_interrupt_request_on_shell_is_honoured_while_a_cell_runs(self):
        # VS Code sends interrupt_request on shell, not control.
        self.drain_iopub()
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.0)
        interrupt = self.kc.session.msg("interrupt_request", {})
        self.kc.shell_channel.send(interrupt)
        replies = {}
        while len(replies) < 2:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply
        self.assertEqual(replies[interrupt["header"]["msg_id"]]["content"]["status"], "ok")
        self.assertEqual(replies[msg_id]["content"]["ename"], "Interrupted")
        self.drain_iopub()

    def test_console_readline_becomes_an_input_request_when_stdin_is_allowed(self):
        self.drain_iopub()
        msg_id = self.kc.execute('var who = input("Your name? ");\nwho.ToUpper()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["content"], {"prompt": "Your name? ", "password": False})
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.kc.input("rnn")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.drain_iopub()

    def test_reading_input_without_stdin_fails_fast(self):
        reply, _ = self.run_cell("Console.ReadLine()", allow_stdin=False)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("does not provide an input box", reply["content"]["evalue"])

    def test_completion_offers_members_of_a_class_from_an_earlier_cell(self):
        self.run_cell("class Layer { public int Units = 4; public int UnitsSquared => Units * Units; }\nvar layer = new Layer();")
        msg_id = self.kc.complete("layer.Uni", 9)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["matches"], ["Units", "UnitsSquared"])
        self.assertEqual((reply["content"]["cursor_start"], reply["content"]["cursor_end"]), (6, 9))

    def test_replayed_message_is_dropped(self):
        self.drain_iopub()
        msg = self.kc.session.msg("execute_request", {
            "code": "1", "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        self.kc.shell_channel.send(msg)
        self.kc.shell_channel.send(msg)
        first = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(first["parent_header"]["msg_id"], msg["header"]["msg_id"])
        with self.assertRaises(queue.Empty):
            self.kc.get_shell_msg(timeout=1.5)
        self.drain_iopub()


if __name__ == "__main__":
    unittest.main()
