"""What a person at the notebook expects, through the real jupyter_client: completion, inspection,
is_complete, interrupt (control, shell as VS Code sends it, and SIGINT), stdin and magics.

Run with JUPYTER_PATH pointing at a folder holding kernels/rnnlab-csharp, and TrainingLoop.dll (a
library whose loop polls the RnnLab.Cancellation slot) next to this file:
    /usr/bin/python3 -m unittest -v test_people
Prints "completion latency: median ... ms" for the report.
"""
import os
import signal
import statistics
import time
import unittest

from test_protocol import TIMEOUT, KernelSession

HERE = os.path.dirname(os.path.abspath(__file__))
INTERRUPT_LIMIT = 1.0


class IntellisenseTests(KernelSession, unittest.TestCase):
    def reply(self, msg_id):
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        return reply["content"]

    def complete(self, code, cursor=None):
        return self.reply(self.kc.complete(code, len(code) if cursor is None else cursor))

    def test_completes_members_of_a_class_from_an_earlier_cell(self):
        self.run_cell("class Counter { public int Total; public void Tick() { } public void Reset() { } }\n"
                      "var counter = new Counter();")
        content = self.complete("counter.T")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["matches"], ["Tick", "ToString", "Total"])
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (8, 9))
        self.assertEqual(content["metadata"], {})

    def test_completes_library_types_namespaces_and_earlier_variables(self):
        self.assertEqual(self.complete("Math.Sq")["matches"], ["Sqrt"])
        self.assertEqual(self.complete("new List<int>().AddR")["matches"], ["AddRange"])
        self.assertEqual(self.complete("System.Collections.Gen")["matches"], ["Generic"])
        self.run_cell("var learningRate = 0.01;")
        self.assertIn("learningRate", self.complete("learn")["matches"])

    def test_cursor_offsets_are_code_points(self):
        self.run_cell("var zeta = 1;")
        code = '"\U0001F600"; ze'
        self.assertEqual(len(code), 7)
        content = self.complete(code)
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (5, 7))
        self.assertIn("zeta", content["matches"])

    def test_completion_latency(self):
        self.complete("Math.Sq")
        times = []
        for _ in range(20):
            started = time.monotonic()
            self.complete("Console.WriteL")
            times.append((time.monotonic() - started) * 1000)
        median = statistics.median(times)
        print(f"\ncompletion latency: median {median:.1f} ms over 20 (min {min(times):.1f}, max {max(times):.1f})")
        self.assertLess(median, 1000)

    def test_inspect_shows_signature_and_summary(self):
        content = self.reply(self.kc.inspect("Math.Sqrt", 9))
        self.assertEqual(content["status"], "ok")
        self.assertTrue(content["found"])
        self.assertTrue(content["data"]["text/plain"].startswith("double Math.Sqrt(double d)"))
        self.assertIn("square root", content["data"]["text/plain"])
        self.assertIn("```csharp", content["data"]["text/markdown"])
        self.run_cell("/// <summary>How fast the model learns.</summary>\nvar stepSize = 0.5;")
        self.assertIn("How fast the model learns.", self.reply(self.kc.inspect("stepSize", 8))["data"]["text/plain"])
        missing = self.reply(self.kc.inspect("1 + 2", 5))
        self.assertEqual((missing["status"], missing["found"], missing["data"]), ("ok", False, {}))

    def test_is_complete_gives_indent_for_incomplete_code(self):
        self.assertEqual(self.reply(self.kc.is_complete("for (int i = 0; i < 3; i++) {")),
                         {"status": "incomplete", "indent": "    "})
        self.assertEqual(self.reply(self.kc.is_complete("#!time\nvar x = 1;"))["status"], "complete")
        self.assertEqual(self.reply(self.kc.is_complete("#!fsharp\nlet x = 1"))["status"], "invalid")


class InterruptTests(KernelSession, unittest.TestCase):
    def interrupt_on_shell(self):
        """VS Code's way: interrupt_request on the shell channel."""
        self.kc.shell_channel.send(self.kc.session.msg("interrupt_request", {}))

    def assert_interrupted_and_state_kept(self, content, elapsed, variable, expected):
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "Interrupted")
        self.assertIn("interrupted", content["evalue"])
        self.assertLess(elapsed, INTERRUPT_LIMIT)
        reply, messages = self.run_cell(f"{variable} * 2")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], expected)

    def test_tight_loop_stops_on_control_interrupt(self):
        self.run_cell("var beforeLoop = 21;")
        content, elapsed = self.interrupt_after_start("while (true) { }", self.km.interrupt_kernel)
        self.assert_interrupted_and_state_kept(content, elapsed, "beforeLoop", "42")

    def test_sleeping_cell_stops_on_shell_interrupt(self):
        self.run_cell("var beforeSleep = 4;")
        content, elapsed = self.interrupt_after_start("Thread.Sleep(60_000);", self.interrupt_on_shell)
        self.assert_interrupted_and_state_kept(content, elapsed, "beforeSleep", "8")

    def test_loop_inside_a_referenced_library_stops_on_sigint(self):
        library = os.path.join(HERE, "TrainingLoop.dll")
        self.assertTrue(os.path.exists(library), library)
        reply, _ = self.run_cell(f'#r "{library}"\nvar epochs = 50;')
        self.assertEqual(reply["content"]["status"], "ok")
        content, elapsed = self.interrupt_after_start("Training.Loop.RunUntilCancelled()",
                                                      lambda: self.km.signal_kernel(signal.SIGINT))
        self.assert_interrupted_and_state_kept(content, elapsed, "epochs", "100")

    def test_method_recursion_and_loops_in_earlier_cells_stop_too(self):
        self.run_cell("var kept = 1;\nlong Spin(long n) { while (n >= 0) n = n + 1 - 1; return n; }")
        content, elapsed = self.interrupt_after_start("Spin(1)", self.km.interrupt_kernel)
        self.assert_interrupted_and_state_kept(content, elapsed, "kept", "2")

    def test_interrupt_while_idle_is_harmless(self):
        self.km.interrupt_kernel()
        time.sleep(0.3)
        reply, _ = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")


class StdinAndMagicTests(KernelSession, unittest.TestCase):
    def test_console_readline_and_input_become_input_requests(self):
        self.drain_iopub()
        msg_id = self.kc.execute('var name = Console.ReadLine();\nvar age = input("Age: ");\n$"{name} is {age}"',
                                 allow_stdin=True)
        first = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(first["msg_type"], "input_request")
        self.assertEqual(first["parent_header"]["msg_id"], msg_id)
        self.assertEqual(first["content"], {"prompt": "", "password": False})
        self.kc.input("Ada")
        second = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(second["content"]["prompt"], "Age: ")
        self.kc.input("36")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        result = None
        while result is None:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["msg_type"] == "execute_result" and msg["parent_header"].get("msg_id") == msg_id:
                result = msg["content"]["data"]["text/plain"]
        self.assertEqual(result, "Ada is 36")

    def test_reading_without_allow_stdin_fails_fast_with_a_clear_error(self):
        started = time.monotonic()
        reply, messages = self.run_cell("var line = Console.ReadLine();", allow_stdin=False)
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("does not provide an input box", reply["content"]["evalue"])

    def test_interrupt_during_input_stops_the_cell(self):
        self.run_cell("var waiting = 3;")
        self.drain_iopub()
        msg_id = self.kc.execute("var never = Console.ReadLine();", allow_stdin=True)
        self.assertEqual(self.kc.get_stdin_msg(timeout=TIMEOUT)["msg_type"], "input_request")
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.drain_iopub()
        reply, messages = self.run_cell("waiting")
        self.assertEqual(self.outputs(messages, "execute_result")[0]["content"]["data"]["text/plain"], "3")

    def test_magics(self):
        _, messages = self.run_cell("#!time\nvar t = 1;")
        shown = self.outputs(messages, "display_data")
        self.assertRegex(shown[0]["content"]["data"]["text/plain"], r"^Wall time: \d")
        _, messages = self.run_cell("#!whos")
        self.assertIn("t\tInt32\t1", self.outputs(messages, "display_data")[0]["content"]["data"]["text/plain"])
        reply, _ = self.run_cell("#!fsharp\nlet x = 1")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("#!fsharp is not supported by this kernel", reply["content"]["evalue"])
        _, messages = self.run_cell("#!markdown\n# Title")
        self.assertEqual(self.outputs(messages, "display_data")[0]["content"]["data"]["text/markdown"], "# Title")


if __name__ == "__main__":
    unittest.main()
