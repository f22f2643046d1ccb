#!/bin/sh
# Issue 12 benchmark: import and size against the SQLite floor (same run), search p95 and the top-10 overlap with exact
# BM25; at 1x, 4x (75k papers) and 16x (299k papers: 4x of 75k) the shared corpus.
# Usage: bench/scale.sh [corpus.jsonl.xz]
set -e
cd "$(dirname "$0")/.."
dotnet build -c Release bench/PaperDigest.Bench -v q --nologo
for copies in 1 4 16; do
  dotnet run -c Release --no-build --project bench/PaperDigest.Bench -- scale "$@" --copies "$copies" --overlap
done
