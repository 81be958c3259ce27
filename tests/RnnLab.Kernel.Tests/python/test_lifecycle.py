"""Kernel lifecycle through jupyter_client: restart and shutdown.

Separate from test_protocol because shutting a kernel down ends jupyter_client's shared ZeroMQ context.
Run with JUPYTER_PATH pointing at a folder holding kernels/rnnlab-csharp:
    /usr/bin/python3 -m unittest -v test_lifecycle
"""
import time
import unittest

from jupyter_client.manager import start_new_kernel

from test_protocol import KERNEL, TIMEOUT, KernelSession


class LifecycleTests(KernelSession, unittest.TestCase):
    def test_restart_gives_a_new_session_and_resets_the_count(self):
        self.kc.execute("1")
        before = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        self.kc.execute("2")
        after = self.kc.get_shell_msg(timeout=TIMEOUT)
        while after["msg_type"] != "execute_reply":
            after = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertNotEqual(before["header"]["session"], after["header"]["session"])
        self.assertEqual(after["content"]["execution_count"], 1)

    def test_shutdown_is_prompt(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)
        kc.stop_channels()
        started = time.monotonic()
        km.shutdown_kernel(now=False)
        self.assertFalse(km.is_alive())
        self.assertLess(time.monotonic() - started, 2.5, "kernel had to be killed")


if __name__ == "__main__":
    unittest.main()
