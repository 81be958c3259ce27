#!/usr/bin/env python3
"""Kernel benchmarks: our C# kernel (rnnlab-csharp) next to ipykernel (python3), measured the same way.

    /usr/bin/python3 bench/kernel_bench.py [--cells 1000] [--starts 3]

Builds RnnLab.Kernel in Release, installs its kernelspec into a temp prefix (JUPYTER_PATH; precompiled,
as `install` does for users, so the first run compiles Roslyn for about 30 s), then
for each kernel, through jupyter_client exactly as a front end does:
  * cold start to first result: start the process, wait until ready (kernel_info + iopub), run
    "1 + 1" and wait for its execute_result (median of --starts fresh kernels);
  * trivial cell round trip: execute "1 + 1" until the parent-matched idle (median over 200 cells);
  * memory growth: resident set size of the kernel process after 10 warm-up cells and after
    --cells more trivial cells.
Not a test: it prints numbers (goals: <= 1.5 s, <= 50 ms, <= 200 MB).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE = "1 + 1"


def install_kernelspec():
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "RnnLab.Kernel"), "-c", "Release", "-nologo", "-v:q"],
                   check=True, stdout=subprocess.DEVNULL)
    prefix = tempfile.mkdtemp(prefix="rnnlab-bench-")
    dll = os.path.join(ROOT, "artifacts", "bin", "RnnLab.Kernel", "release", "RnnLab.Kernel.dll")
    subprocess.run(["dotnet", dll, "install", "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")


def run_cell(kc, code=CODE):
    msg_id = kc.execute(code)
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            kc.get_shell_msg(timeout=120)
            return result


def rss_mb(km):
    pid = km.provisioner.process.pid
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cold_start(kernel):
    started = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=120)
    result = run_cell(kc)
    elapsed = time.perf_counter() - started
    assert result == "2", result
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return elapsed


def measure(kernel, starts, cells):
    cold = statistics.median(cold_start(kernel) for _ in range(starts))
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=120)
    try:
        for _ in range(10):
            run_cell(kc)
        round_trips = []
        for _ in range(200):
            t = time.perf_counter()
            run_cell(kc)
            round_trips.append(time.perf_counter() - t)
        before = rss_mb(km)
        for _ in range(cells):
            run_cell(kc)
        after = rss_mb(km)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return cold, statistics.median(round_trips), before, after


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1000)
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    install_kernelspec()
    print(f"{'kernel':<15} {'cold start to first result':>27} {'round trip (median)':>20} "
          f"{'RSS before':>11} {'RSS after ' + str(args.cells):>16} {'growth':>9}")
    for kernel in ("rnnlab-csharp", "python3"):
        cold, trip, before, after = measure(kernel, args.starts, args.cells)
        print(f"{kernel:<15} {cold:>25.2f} s {trip * 1000:>17.1f} ms {before:>8.0f} MB {after:>13.0f} MB {after - before:>6.0f} MB",
              flush=True)
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", file=sys.stderr)


if __name__ == "__main__":
    main()
