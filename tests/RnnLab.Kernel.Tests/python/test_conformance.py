"""Jupyter's kernel conformance suite (jupyter_kernel_test) against the rnnlab-csharp kernelspec.

Run with JUPYTER_PATH pointing at a folder holding kernels/rnnlab-csharp:
    /usr/bin/python3 -m unittest -v test_conformance
jupyter_kernel_test is imported as a module on purpose: a module-level KernelTests name would
make unittest also run the base class against the python3 kernel.
"""
import unittest

import jupyter_kernel_test as jkt


class RnnLabCSharpKernelTests(jkt.KernelTests):
    kernel_name = "rnnlab-csharp"
    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("something went wrong");'
    code_generate_error = 'throw new InvalidOperationException("this cell fails on purpose");'
    code_clear_output = "ClearOutput();"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"rnn" + "lab"', "result": "rnnlab"},
        {"code": "new[] { 1, 2, 3 }", "result": "[1, 2, 3]"},
        {"code": "1.5 < 2", "result": "true"},
        {"code": 'HTML("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
    ]
    code_display_data = [
        {"code": 'display(HTML("<i>shown</i>"));', "mime": "text/html"},
        {"code": 'display(42);', "mime": "text/plain"},
        {"code": '"text".Display();', "mime": "text/plain"},
        {"code": 'display(Markdown("# title"));', "mime": "text/markdown"},
    ]

    completion_samples = [
        {"text": "Console.WriteL", "matches": ["WriteLine"]},
        {"text": "Math.Sqr", "matches": ["Sqrt"]},
        {"text": "var hiddenSize = 20;\nhiddenS", "matches": ["hiddenSize"]},
    ]

    code_inspect_sample = "Console.WriteLine"

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 *"

    complete_code_samples = ["1 + 1", "var x = 1;", 'Console.WriteLine("done");', "class A { }"]
    incomplete_code_samples = ["if (true) {", "var y = 1 +", "void F() {", "var s = \"\"\"\nopen raw string"]
    invalid_code_samples = ["var x = 1 1;", "int 3x = 1;", "x = = 2;"]


if __name__ == "__main__":
    unittest.main()
