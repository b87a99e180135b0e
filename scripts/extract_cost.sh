#!/usr/bin/env bash
# Deterministic cost of one extraction pass over the article pool, for
# comparing extractor changes on a machine whose speed varies from run to run
# (a shared VM: wall-clock MB/s moved by ±25% between consecutive runs here).
#
# Runs the pool benchmark once under callgrind with cache and branch
# simulation, counting only inside parley::ExtractEvent, and prints
# instructions, simulated L1/LL misses, mispredicted branches, and an
# estimate of cycles (Ir + 10·L1 miss + 100·LL miss + 15·mispredict).
#
# Usage: scripts/extract_cost.sh [BENCHMARK_BINARY]
#   default binary: build/extract/parley_extract_benchmark
# Env:   PARLEY_POOL_DIR (default ../shared/corpus/pool)
# Needs: valgrind (apt-get install valgrind), python3. Takes about 90 s.
set -euo pipefail

cd "$(dirname "$0")/.."
binary="${1:-build/extract/parley_extract_benchmark}"
pool="${PARLEY_POOL_DIR:-../shared/corpus/pool}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

PARLEY_POOL_DIR="$pool" valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes \
  --callgrind-out-file="$out" --toggle-collect='parley::ExtractEvent*' \
  "$binary" --benchmark_filter=BM_ExtractPool --benchmark_min_time=0 >/dev/null 2>&1

callgrind_annotate "$out" 2>/dev/null | grep "PROGRAM TOTALS" | python3 -c '
import sys
fields = [int(x.replace(",", "")) for x in sys.stdin.read().split() if x.replace(",", "").isdigit()]
ir, _dr, _dw, i1, d1r, d1w, ill, dllr, dllw, _bc, bcm, _bi, bim = fields[:13]
l1, ll, mispredicted = i1 + d1r + d1w, ill + dllr + dllw, bcm + bim
cycles = ir + 10 * l1 + 100 * ll + 15 * mispredicted
print("per pool pass (one benchmark iteration):")
print(f"  instructions        {ir / 1e6:8.0f} M")
print(f"  L1 misses           {l1 / 1e6:8.1f} M")
print(f"  LL misses           {ll / 1e6:8.2f} M")
print(f"  mispredicted jumps  {mispredicted / 1e6:8.1f} M")
print(f"  estimated cycles    {cycles / 1e6:8.0f} M")
'
