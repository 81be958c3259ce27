#!/usr/bin/env python3
"""Kernel benchmarks: our C# kernel next to .NET Interactive and ipykernel (+ PyTorch), measured in one run.

    /usr/bin/python3 bench/kernel_bench.py [--starts 3] [--cells 1000] [--runs 20] [--kernels rnnlab,dotnet-interactive,python3]

Prints one markdown table (goal, ours, .NET Interactive, ipykernel, met/missed). Every kernel is driven through
jupyter_client exactly as a front end drives it:
  * cold start to first result: start a fresh kernel, wait until ready (kernel_info + iopub), run one cell and wait
    for its result (median of --starts fresh kernels, after one warm-up start that fills the NuGet and kernel caches):
    "1 + 1", and `#r "nuget: TorchSharp-cpu, 0.107.0"` + `torch.ones(3).sum()` (ipykernel: `import torch`);
  * the package cell alone and the first torch cell after it, in a fresh kernel that has run "1 + 1" and is idle;
  * trivial cell round trip: "1 + 1" until the parent-matched idle (median over 200 cells);
  * memory: resident set size (VmRSS of the kernel process) after 10 warm-up cells and after --cells more trivial
    cells; and in a session that trains notebook 04's character RNN (TorchSharp nn.Module + Adam, a dispose scope per
    step; PyTorch's twin on ipykernel), after each of --runs executions of one 100-step training cell.
Builds RnnLab.Kernel in Release and installs it into a temp prefix (precompiled, as `install` does for users; the
first run compiles Roslyn for about 30 s). .NET Interactive is the global tool `dotnet-interactive` (1.0.712001), its
kernelspec made by `dotnet interactive jupyter install --path`; it restores packages into its own NuGet folder
(--dotnet-interactive-nuget) because TorchSharp, loaded by it, copies its natives into a `cpu/` folder inside the
NuGet folder it was loaded from. Not a test: it prints numbers; the goals are in the table.
"""
import argparse
import html
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from jupyter_client.manager import start_new_kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 600
TORCHSHARP = '#r "nuget: TorchSharp-cpu, 0.107.0"'
USER_NUGET = os.environ.get("NUGET_PACKAGES") or os.path.expanduser("~/.nuget/packages")
# TorchSharp makes this folder when it loads without our preload: it must never appear in the user's NuGet folder.
TORCHSHARP_CPU_COPY = os.path.join(USER_NUGET, "torchsharp", "0.107.0", "lib", "net8.0", "cpu")


# ---- the workloads, per kernel ------------------------------------------------------------------------------------

CSHARP_CHAR_MODEL_SETUP = TORCHSHARP + """
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

torch.set_num_threads(1);
string[] sentences = ["hey how are you", "good i am fine", "have a nice day"];
var chars = sentences.SelectMany(s => s).Distinct().Order().ToArray();
var index = chars.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (long)p.i);
int width = sentences.Max(s => s.Length);
var padded = sentences.Select(s => s.PadRight(width)).ToArray();
Tensor Ids(Func<string, string> part) =>
    torch.tensor(padded.SelectMany(s => part(s).Select(c => index[c])).ToArray(), [padded.Length, width - 1]);
var x = nn.functional.one_hot(Ids(s => s[..^1]), chars.Length).to_type(ScalarType.Float32);
var y = Ids(s => s[1..]);

class CharModel : nn.Module<Tensor, Tensor>
{
    private readonly RNN rnn;
    private readonly Linear head;

    public CharModel(long vocabulary, long hidden) : base(nameof(CharModel))
    {
        rnn = nn.RNN(vocabulary, hidden, batchFirst: true);
        head = nn.Linear(hidden, vocabulary);
        RegisterComponents();
    }

    public override Tensor forward(Tensor oneHot) => head.call(rnn.call(oneHot, null).Item1);
}

torch.manual_seed(0);
var model = new CharModel(chars.Length, 12);
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
var criterion = nn.CrossEntropyLoss();
chars.Length
"""

# A cell as a notebook writes it: it declares a variable, so Roslyn chains it and keeps it (and every earlier run).
CSHARP_TRAIN_CELL = """
var losses = new List<float>();
for (int step = 0; step < 100; step++)
{
    using (torch.NewDisposeScope())
    {
        optimizer.zero_grad();
        var loss = criterion.call(model.call(x).reshape(-1, chars.Length), y.reshape(-1));
        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
    }
}
Math.Round(losses[^1], 4)
"""

PYTHON_CHAR_MODEL_SETUP = """
import torch
from torch import nn

torch.set_num_threads(1)
sentences = ["hey how are you", "good i am fine", "have a nice day"]
chars = sorted(set("".join(sentences)))
index = {c: i for i, c in enumerate(chars)}
width = max(len(s) for s in sentences)
padded = [s.ljust(width) for s in sentences]
x = nn.functional.one_hot(torch.tensor([[index[c] for c in s[:-1]] for s in padded]), len(chars)).float()
y = torch.tensor([[index[c] for c in s[1:]] for s in padded])

class CharModel(nn.Module):
    def __init__(self, vocabulary, hidden):
        super().__init__()
        self.rnn = nn.RNN(vocabulary, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocabulary)

    def forward(self, one_hot):
        return self.head(self.rnn(one_hot)[0])

torch.manual_seed(0)
model = CharModel(len(chars), 12)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()
len(chars)
"""

PYTHON_TRAIN_CELL = """
losses = []
for step in range(100):
    optimizer.zero_grad()
    loss = criterion(model(x).reshape(-1, len(chars)), y.reshape(-1))
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
round(losses[-1], 4)
"""


@dataclass
class Kernel:
    label: str                 # the table's column
    spec: str                  # kernelspec name
    package: str               # the cell that loads the tensor library
    first_op: str              # the first tensor operation after it
    op_result: str             # its text/plain
    train_setup: str | None    # None: no training workload on this kernel
    train_cell: str | None

    @property
    def torch_cell(self):
        return self.package + "\n" + self.first_op


CSHARP_OP = "TorchSharp.torch.ones(3).sum().item<float>()"
KERNELS = {
    "rnnlab": Kernel("rnnlab-csharp (ours)", "rnnlab-csharp", TORCHSHARP, CSHARP_OP, "3",
                     CSHARP_CHAR_MODEL_SETUP, CSHARP_TRAIN_CELL),
    "dotnet-interactive": Kernel(".NET Interactive 1.0.712001", ".net-csharp", TORCHSHARP, CSHARP_OP, "3",
                                 CSHARP_CHAR_MODEL_SETUP, CSHARP_TRAIN_CELL),
    "python3": Kernel("ipykernel (+ PyTorch)", "python3", "import torch", "torch.ones(3).sum()", "tensor(3.)",
                      PYTHON_CHAR_MODEL_SETUP, PYTHON_TRAIN_CELL),
}


# ---- driving a kernel ---------------------------------------------------------------------------------------------

@dataclass
class CellRun:
    seconds: float
    result: str | None
    error: str | None          # "ename: evalue" and the traceback, as one text
    text: str                  # stdout + stderr

    def failure_line(self):
        """The error's first line; where a native library failed to load, also what the dynamic linker says about it
        (TorchSharp's message drops it), asked of a separate process so nothing is loaded here."""
        everything = (self.error or "") + "\n" + self.text
        first = next((l.strip() for l in everything.splitlines() if l.strip()), "?")
        failed = re.findall(r"Failed to load native component (/\S+)", everything)
        if not failed:
            return first
        probe = subprocess.run([sys.executable, "-c", "import ctypes, sys\ntry: ctypes.CDLL(sys.argv[1])\nexcept OSError as e: print(e)",
                                failed[-1]], capture_output=True, text=True)
        return f"{first} ... Failed to load native component {failed[-1]}`; dlopen of that file: `{probe.stdout.strip() or 'loads'}"


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run_cell(kc, code, timeout=TIMEOUT):
    started = time.perf_counter()
    msg_id = kc.execute(code)
    result, error, text = None, None, []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "execute_result":
            result = content["data"].get("text/plain")
            if result is None and (pre := re.search(r"<pre>(.*?)</pre>", content["data"].get("text/html", ""), re.S)):
                result = html.unescape(pre.group(1))  # .NET Interactive sends values as HTML only
        elif kind == "error":
            error = ANSI.sub("", f"{content['ename']}: {content['evalue']}\n" + "\n".join(content["traceback"]))
        elif kind == "stream":
            text.append(content["text"])
        elif kind == "status" and content["execution_state"] == "idle":
            seconds = time.perf_counter() - started
            while kc.get_shell_msg(timeout=timeout)["parent_header"].get("msg_id") != msg_id:
                pass
            return CellRun(seconds, result, error, "".join(text))


class Session:
    """A fresh kernel, shut down on leaving; `started` is when it was asked for. Kernels write to LOG, not the table."""
    log = subprocess.DEVNULL

    def __init__(self, kernel):
        self.kernel = kernel

    def __enter__(self):
        self.started = time.perf_counter()
        self.km, self.kc = start_new_kernel(kernel_name=self.kernel.spec, startup_timeout=TIMEOUT,
                                            stdout=Session.log, stderr=Session.log)
        return self

    def __exit__(self, *exc):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run(self, code, expect=None):
        run = run_cell(self.kc, code)
        if expect is not None and (run.error or run.result != expect):
            raise RuntimeError(f"{self.kernel.label}: {code!r} gave {run.result!r}: {run.failure_line()}")
        return run

    def rss_mb(self):
        with open(f"/proc/{self.km.provisioner.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


def cold_start(kernel, code):
    """Seconds from asking for a kernel to the result of its first cell, and that cell's run."""
    with Session(kernel) as session:
        run = session.run(code)
        return time.perf_counter() - session.started, run


def package_then_first_op(kernel):
    """In a fresh, idle kernel: the package cell alone, then the first tensor cell."""
    with Session(kernel) as session:
        session.run("1 + 1", expect="2")
        time.sleep(2)  # what the kernel does when idle after its first cell (completion warm-up) is done by then
        return session.run(kernel.package), session.run(kernel.first_op)


def interleaved(kernels, starts, measure_once):
    """One warm-up call per kernel (fills the NuGet and kernel caches), then `starts` rounds of one call per kernel,
    so that the kernels share whatever load the machine has. Returns per kernel key the list of results."""
    for key, kernel in kernels.items():
        measure_once(kernel)
    results = {key: [] for key in kernels}
    for _ in range(starts):
        for key, kernel in kernels.items():
            LoadLog.mark()
            results[key].append(measure_once(kernel))
    LoadLog.mark()
    return results


def trivial_cells(kernel, cells):
    """Median round trip over 200 trivial cells; RSS before and after `cells` more."""
    LoadLog.mark()
    with Session(kernel) as session:
        for _ in range(10):
            session.run("1 + 1", expect="2")
        round_trips = [session.run("1 + 1", expect="2").seconds for _ in range(200)]
        before = session.rss_mb()
        for _ in range(cells):
            session.run("1 + 1", expect="2")
        LoadLog.mark()
        return statistics.median(round_trips), before, session.rss_mb()


def training(kernel, runs):
    """RSS after the set-up cell and after each of `runs` executions of the 100-step training cell; the losses."""
    LoadLog.mark()
    with Session(kernel) as session:
        setup = session.run(kernel.train_setup)
        if setup.error:
            return None, None, setup
        rss, losses = [session.rss_mb()], []
        for _ in range(runs):
            run = session.run(kernel.train_cell)
            if run.error:
                return None, None, run
            rss.append(session.rss_mb())
            losses.append(run.result)
        LoadLog.mark()
        return rss, losses, None


# ---- installing the kernels ---------------------------------------------------------------------------------------

def install_rnnlab(prefix):
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "RnnLab.Kernel"), "-c", "Release", "-nologo", "-v:q"],
                   check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(ROOT, "artifacts", "bin", "RnnLab.Kernel", "release", "RnnLab.Kernel.dll")
    subprocess.run(["dotnet", dll, "install", "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)


def install_dotnet_interactive(prefix, nuget_folder):
    """Its own kernelspec, started through the tool's launcher (so the kernel is the process whose RSS we read)."""
    tool = shutil.which("dotnet-interactive") or os.path.expanduser("~/.dotnet/tools/dotnet-interactive")
    if not os.path.exists(tool):
        return "not installed: dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001"
    if os.path.realpath(nuget_folder) == os.path.realpath(USER_NUGET):
        sys.exit("--dotnet-interactive-nuget must not be the user's NuGet folder: TorchSharp would copy its natives into it")
    kernels = os.path.join(prefix, "share", "jupyter", "kernels")
    subprocess.run([tool, "jupyter", "install", "--path", kernels], check=True, stdout=subprocess.DEVNULL)
    spec_path = os.path.join(kernels, ".net-csharp", "kernel.json")
    with open(spec_path) as f:
        spec = json.load(f)
    assert spec["argv"][:2] == ["dotnet", "interactive"], spec["argv"]
    spec["argv"][:2] = [tool]
    spec["env"] = {"NUGET_PACKAGES": nuget_folder, "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
                   "DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1"}
    with open(spec_path, "w") as f:
        json.dump(spec, f, indent=2)
    return None


# ---- the table ----------------------------------------------------------------------------------------------------

@dataclass
class Row:
    what: str
    goal: str
    limit: float | None        # ours must be <= limit (None: no goal, shown for comparison)
    cells: dict                # kernel key -> text
    ours: float | None = None  # the number compared with limit
    load: str = ""             # 1-minute load average when the row's phase ended

    def verdict(self):
        if self.limit is None or "rnnlab" not in self.cells:
            return ""
        if self.ours is None:
            return "**missed** (failed)"
        return "met" if self.ours <= self.limit else "**missed**"


def seconds(value):
    return f"{value:.2f} s"


def load():
    return f"{os.getloadavg()[0]:.1f}"


class LoadLog:
    """The 1-minute load average sampled before each timed start and around each long session of a phase."""
    samples = []

    @classmethod
    def mark(cls):
        cls.samples.append(os.getloadavg()[0])

    @classmethod
    def span(cls):
        """The phase's range, e.g. "1.9-2.4"; starts the next phase."""
        low, high = min(cls.samples, default=0), max(cls.samples, default=0)
        cls.samples = []
        return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}-{high:.1f}"


def measure(kernels, args):
    r = [Row(what, goal, limit, {}) for what, goal, limit in [
        ("cold start to `1 + 1` result", "<= 1.5 s", 1.5),
        ("cold start to first tensor result: `#r \"nuget: TorchSharp-cpu, 0.107.0\"` + `torch.ones(3).sum()`", "<= 2 s", 2.0),
        ("package cell alone in an idle kernel, warm caches (`#r` / `import torch`)", "<= 1 s", 1.0),
        ("first tensor cell after it (`torch.ones(3).sum()`)", "", None),
        ("trivial cell round trip (median of 200)", "<= 50 ms", 0.050),
        (f"RSS growth over {args.cells} trivial cells", "<= 200 MB", 200),
        ("RSS growth training notebook 04's char RNN, step 100 -> 1000 (runs 1 -> 10 of a 100-step cell)", "<= 50 MB", 50),
        (f"RSS growth over {args.runs} runs of that 100-step training cell (after set-up -> after run {args.runs})", "<= 200 MB", 200),
    ]]
    notes = []
    torch_works = {}

    def put(row, key, text, value=None):
        row.cells[key] = text
        if key == "rnnlab":
            row.ours = value

    def phase(name):
        print(f"{name} (load {load()})", file=sys.stderr, flush=True)

    phase("cold starts to 1 + 1")
    for key, runs in interleaved(kernels, args.starts, lambda k: cold_start(k, "1 + 1")).items():
        bad = next((run for _, run in runs if run.error or run.result != "2"), None)
        if bad:
            raise RuntimeError(f"{kernels[key].label}: 1 + 1 gave {bad.result!r}: {bad.failure_line()}")
        put(r[0], key, seconds(statistics.median(t for t, _ in runs)), statistics.median(t for t, _ in runs))
    r[0].load = LoadLog.span()

    phase("cold starts to the first tensor result")
    for key, runs in interleaved(kernels, args.starts, lambda k: cold_start(k, k.torch_cell)).items():
        median = statistics.median(t for t, _ in runs)
        failed = next((run for _, run in runs if run.error or run.result != kernels[key].op_result), None)
        torch_works[key] = failed is None
        if failed:
            put(r[1], key, f"fails, after {seconds(median)}")
            notes.append(f"{kernels[key].label}: the TorchSharp cell fails: `{failed.failure_line()}`")
        else:
            put(r[1], key, seconds(median), median)
    r[1].load = LoadLog.span()

    phase("package cell, then first tensor cell")
    for key, runs in interleaved(kernels, args.starts, package_then_first_op).items():
        package = statistics.median(p.seconds for p, _ in runs)
        op = statistics.median(o.seconds for _, o in runs)
        put(r[2], key, seconds(package) + (" (fails)" if any(p.error for p, _ in runs) else ""), package)
        put(r[3], key, seconds(op) + (" (fails)" if any(o.error or o.result != kernels[key].op_result for _, o in runs) else ""), op)
    r[2].load = r[3].load = LoadLog.span()

    for key, kernel in kernels.items():
        phase(f"{kernel.label}: trivial cells")
        trip, before, after = trivial_cells(kernel, args.cells)
        put(r[4], key, f"{trip * 1000:.1f} ms", trip)
        put(r[5], key, f"{after - before:.0f} MB ({before:.0f} -> {after:.0f})", after - before)
    r[4].load = r[5].load = LoadLog.span()

    for key, kernel in kernels.items():
        if not torch_works[key]:
            for row in r[6:]:
                put(row, key, "n/a (TorchSharp does not load)")
            continue
        phase(f"{kernel.label}: training")
        rss, losses, failed = training(kernel, args.runs)
        if failed:
            for row in r[6:]:
                put(row, key, "fails")
            notes.append(f"{kernel.label}: training fails: `{failed.failure_line()}`")
            continue
        put(r[6], key, f"{rss[10] - rss[1]:.0f} MB ({rss[1]:.0f} -> {rss[10]:.0f})", rss[10] - rss[1])
        put(r[7], key, f"{rss[-1] - rss[0]:.0f} MB ({rss[0]:.0f} -> {rss[-1]:.0f})", rss[-1] - rss[0])
        notes.append(f"{kernel.label}: RSS after the set-up cell, then after each training run (MB): "
                     + ", ".join(f"{v:.0f}" for v in rss) + f"; loss after 100 steps {losses[0]}, after {len(losses) * 100} {losses[-1]}")
    r[6].load = r[7].load = LoadLog.span()
    return r, notes


def print_table(rows, kernels, notes):
    labels = [kernel.label for kernel in kernels.values()]
    print("| measurement | goal | " + " | ".join(labels) + " | ours vs goal | load |")
    print("|---|---|" + "---|" * len(labels) + "---|---|")
    for row in rows:
        print(f"| {row.what} | {row.goal} | " + " | ".join(row.cells.get(k, "") for k in kernels)
              + f" | {row.verdict()} | {row.load} |")
    print()
    for note in notes:
        print(f"- {note}")
    print(f"- load: the 1-minute load average before each timed start / around each session of the row's phase "
          f"(lowest-highest), on {os.cpu_count()} cores; it counts the measured kernels too; "
          f"`uptime` at the end: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3, help="fresh kernels per cold-start median (after one warm-up)")
    parser.add_argument("--cells", type=int, default=1000, help="trivial cells for the memory row")
    parser.add_argument("--runs", type=int, default=20, help="runs of the 100-step training cell (>= 10)")
    parser.add_argument("--kernels", default="rnnlab,dotnet-interactive,python3")
    parser.add_argument("--dotnet-interactive-nuget", default=os.path.expanduser("~/.cache/rnnlab-bench/dotnet-interactive-nuget"),
                        help="NuGet folder for .NET Interactive's restores (never the user's: TorchSharp writes cpu/ into it)")
    args = parser.parse_args()
    keys = args.kernels.split(",")
    if args.runs < 10:
        parser.error("--runs must be at least 10 (the 1000-step row)")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    cpu_copy_before = os.path.exists(TORCHSHARP_CPU_COPY)

    prefix = tempfile.mkdtemp(prefix="rnnlab-bench-")
    if "rnnlab" in keys:
        install_rnnlab(prefix)
    if "dotnet-interactive" in keys and (missing := install_dotnet_interactive(prefix, args.dotnet_interactive_nuget)):
        keys.remove("dotnet-interactive")
        print(f".NET Interactive {missing}: left out", file=sys.stderr)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    Session.log = open(os.path.join(ROOT, "bench", "results", "kernel_bench.log"), "w")
    print(f"kernels' own output: {Session.log.name}", file=sys.stderr)
    kernels = {key: KERNELS[key] for key in keys}
    try:
        rows, notes = measure(kernels, args)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
        if not cpu_copy_before and os.path.exists(TORCHSHARP_CPU_COPY):
            print(f"ERROR: {TORCHSHARP_CPU_COPY} appeared during the run: something loaded TorchSharp without the preload",
                  file=sys.stderr)
            sys.exit(2)
    print_table(rows, kernels, notes)


if __name__ == "__main__":
    main()
