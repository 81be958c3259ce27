"""TorchSharp in the real kernel through jupyter_client: grad mode is per thread in TorchSharp, so it must
hold from one cell to the next; libtorch's errors arrive as short .NET errors and the kernel survives them.

Run with JUPYTER_PATH pointing at a folder holding kernels/rnnlab-csharp:
    /usr/bin/python3 -m unittest -v test_torchsharp
"""
import unittest

from test_protocol import KernelSession


class TorchSharpTests(KernelSession, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply, _ = cls.run_cell(cls, '#r "nuget: TorchSharp-cpu, 0.107.0"\nusing TorchSharp;')
        assert reply["content"]["status"] == "ok", reply["content"]

    def result(self, code):
        reply, messages = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in messages if m["msg_type"] == "execute_result"]
        return results[-1]["content"]["data"]["text/plain"]

    def error(self, code):
        reply, messages = self.run_cell(code)
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m["content"] for m in messages if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        return errors[0]

    def test_grad_mode_set_in_one_cell_holds_in_the_next(self):
        self.run_cell("var noGrad = torch.no_grad();")
        self.assertEqual(self.result("torch.is_grad_enabled()"), "false")
        self.run_cell("noGrad.Dispose();")
        self.assertEqual(self.result("torch.is_grad_enabled()"), "true")

    def test_a_shape_mismatch_is_one_short_error_and_the_kernel_goes_on(self):
        error = self.error("torch.ones(2, 3) + torch.ones(4, 5)")
        self.assertEqual(error["ename"], "System.Runtime.InteropServices.ExternalException")
        self.assertEqual(error["evalue"], "The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1")
        self.assertFalse(any("frame #" in line or "Exception raised from" in line for line in error["traceback"]))
        self.assertEqual(self.result("torch.ones(2, 3).sum().item<float>()"), "6")

    def test_asking_for_cuda_on_the_cpu_package_is_a_clear_error(self):
        error = self.error("torch.ones(2, device: torch.CUDA)")
        self.assertEqual(error["ename"], "System.InvalidOperationException")
        self.assertEqual(error["evalue"], "Torch device type CUDA did not initialise on the current machine.")
        self.assertEqual(self.result("torch.cuda.is_available()"), "false")


if __name__ == "__main__":
    unittest.main()
