#!/bin/sh
# Issue 12 benchmark: import and size against the SQLite floor (same run), search p95; at 1x and 4x the shared corpus.
# Usage: bench/scale.sh [corpus.jsonl.xz]
set -e
cd "$(dirname "$0")/.."
dotnet build -c Release bench/PaperDigest.Bench -v q --nologo
for copies in 1 4; do
  dotnet run -c Release --no-build --project bench/PaperDigest.Bench -- scale "$@" --copies "$copies"
done
