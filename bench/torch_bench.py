"""PyTorch twin of bench/RnnLab.Bench: the same workloads, timed the same way, one JSON line each.

Run: /usr/bin/python3 bench/torch_bench.py [group ...]   (single-threaded: torch.set_num_threads(1))
"""
import json
import sys
import time

import torch

torch.set_num_threads(1)


# This thread's CPU time, as the C# side's BenchClock: counts only our work on a shared machine.
clock = time.thread_time


def seconds_per_run(run):
    """Best time per run over 20 batches of >= 25 ms, after a 0.3 s warm-up (as Workload.SecondsPerRun)."""
    start = clock()
    warm = 0
    while clock() - start < 0.3 or warm < 3:
        run()
        warm += 1
    per_run = (clock() - start) / warm
    batch = max(1, int(0.025 / per_run))
    best = float("inf")
    for _ in range(20):
        t0 = clock()
        for _ in range(batch):
            run()
        best = min(best, (clock() - t0) / batch)
    return best


def uniform(*shape):
    return torch.rand(*shape) * 2 - 1


def matmul():
    for n in (64, 256, 1024):
        a, b = uniform(n, n), uniform(n, n)
        yield "matmul", f"matmul {n}", 2.0 * n ** 3, lambda a=a, b=b: a.mm(b)


def elementwise():
    n = 1_000_000
    a, b = uniform(n), uniform(n)
    yield "elementwise", "add 1e6", n, lambda: a + b
    yield "elementwise", "mul 1e6", n, lambda: a * b
    yield "elementwise", "tanh 1e6", n, lambda: a.tanh()


def small():
    x, h = uniform(8, 16), uniform(8, 32)
    wih, whh = uniform(16, 32).requires_grad_(), uniform(32, 32).requires_grad_()
    bias = uniform(32).requires_grad_()
    flops = 2.0 * 8 * (16 + 32) * 32

    def forward():
        with torch.no_grad():
            (x.matmul(wih) + h.matmul(whh) + bias).tanh()

    def forward_backward():
        with torch.enable_grad():
            (x.matmul(wih) + h.matmul(whh) + bias).tanh().sum().backward()
        wih.grad = whh.grad = bias.grad = None

    yield "small", "rnn step fwd", flops, forward
    yield "small", "rnn step fwd+bwd", 3 * flops, forward_backward


GROUPS = {"matmul": matmul, "elementwise": elementwise, "small": small}


def main(argv):
    wanted = [a for a in argv if a != "all"] or list(GROUPS)
    for name in wanted:
        if name not in GROUPS:
            # Groups only the C# side has (added later) are skipped; run.sh reports them without a ratio.
            print(f"torch_bench.py: no group {name!r}", file=sys.stderr)
            continue
        for group, label, flops, run in GROUPS[name]():
            with torch.no_grad():
                seconds = seconds_per_run(run)
            print(json.dumps({"group": group, "name": label, "seconds": seconds,
                              "gflops": flops / seconds / 1e9 if flops else 0,
                              "clock": "thread-cpu"}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
