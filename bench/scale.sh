#!/bin/sh
# Issue 12 benchmark: import and size against the SQLite floor (measured just before each import), search p95 and the
# top-10 overlap with exact BM25; at 1x (5 runs), 4x (75k papers, 3 runs) and 16x (299k papers: 4x of 75k, 1 run).
# Each import is a process of its own; the median ratio counts (one run on two shared cores varies by 10-20%).
# Usage: bench/scale.sh [corpus.jsonl.xz]
set -e
cd "$(dirname "$0")/.."
dotnet build -c Release bench/PaperDigest.Bench -v q --nologo
for run in "1 5" "4 3" "16 1"; do
  copies=${run% *}; repeat=${run#* }
  dotnet run -c Release --no-build --project bench/PaperDigest.Bench -- scale "$@" --copies "$copies" --repeat "$repeat" --overlap
done
