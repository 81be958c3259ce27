#!/usr/bin/env bash
# One command for the ratio table: runs the C# benchmarks and their PyTorch twin in the same run,
# then prints ours / PyTorch per workload. Usage: bench/run.sh [group ...]   (default: all groups)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/results"
groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(all)

dotnet run -c Release --project "$here/RnnLab.Bench" -- "${groups[@]}" | tee "$here/results/csharp.jsonl"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import torch" 2>/dev/null; then
  # torch.set_num_threads(1) does not reach an external BLAS: pin OpenBLAS/OpenMP to one thread too.
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$here/torch_bench.py" "${groups[@]}" | tee "$here/results/torch.jsonl"
else
  echo "PyTorch not found (apt-get install python3-torch): printing C# results only" >&2
  : > "$here/results/torch.jsonl"
fi

python3 - "$here/results/csharp.jsonl" "$here/results/torch.jsonl" <<'PY'
import json, sys
def load(path):
    rows = {}
    for line in open(path):
        line = line.strip()
        if line.startswith("{"):
            r = json.loads(line)
            rows[(r["group"], r["name"])] = r
    return rows
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
print()
print(f"| {'workload':<16} | {'ours ms':>10} | {'PyTorch ms':>10} | {'time ours/PyTorch':>17} | {'ours GFLOP/s':>12} | {'PyTorch GFLOP/s':>15} | {'GFLOP/s ratio':>13} |")
print(f"|{'-'*18}|{'-'*12}|{'-'*12}|{'-'*19}|{'-'*14}|{'-'*17}|{'-'*15}|")
for key, r in ours.items():
    t = theirs.get(key)
    ms = r["seconds"] * 1e3
    if t:
        tms = t["seconds"] * 1e3
        print(f"| {key[1]:<16} | {ms:>10.4f} | {tms:>10.4f} | {ms / tms:>17.2f} | {r['gflops']:>12.2f} | {t['gflops']:>15.2f} | {r['gflops'] / t['gflops'] if t['gflops'] else 0:>13.2f} |")
    else:
        print(f"| {key[1]:<16} | {ms:>10.4f} | {'-':>10} | {'-':>17} | {r['gflops']:>12.2f} | {'-':>15} | {'-':>13} |")
PY
