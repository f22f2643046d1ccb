#!/bin/sh
# Issue 12 (serve): latency under 32 connections (wrk -t2 -c32 --latency, at most 15 s a URL) on the shared corpus at 4x:
# p99 of /search?q=model <= 150 ms (a repeat, as wrk sends it, and never cached: each request under a new Host), of a paper page <= 20 ms (one paper, then random papers), the home (day) page; 0 errors.
# Loopback only. The store is built once (bench serve-store) and kept when SERVE_DB names it.
# Usage: bench/serve.sh [corpus.jsonl.xz]
#   SERVE_DB=FILE      the store to load (built there when missing; default: a temporary one, removed at the end)
#   SERVE_BIN=FILE     the paperdigest executable to serve with (default: this tree's Release build)
#   SERVE_SECONDS=N    seconds per URL, 1-15 (default 15)
set -eu
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "serve.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
secs=${SERVE_SECONDS:-15}
[ "$secs" -ge 1 ] && [ "$secs" -le 15 ] || { echo "serve.sh: SERVE_SECONDS must be 1-15" >&2; exit 2; }
dotnet build -c Release bench/PaperDigest.Bench -v q --nologo >/dev/null
bin=${SERVE_BIN:-src/PaperDigest/bin/Release/net10.0/PaperDigest}
work=$(mktemp -d)
db=${SERVE_DB:-$work/serve.db}
pid=
cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[ -f "$db" ] || dotnet run -c Release --no-build --project bench/PaperDigest.Bench -- serve-store "$db" "$@" --copies 4

# Port 0: the server picks a free port and names it on stderr.
PAPERDIGEST_DB=$db "$bin" serve --urls http://127.0.0.1:0 2>"$work/serve.log" &
pid=$!
i=0
until grep -q 'reader on http' "$work/serve.log"; do
  i=$((i + 1))
  [ $i -le 300 ] && kill -0 "$pid" 2>/dev/null || { echo "serve.sh: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
base=$(sed -n 's/.*reader on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/serve.log" | head -n 1)
paper=$(sed -n '1000p' "$db.ids")
echo "server $base, store $db ($(wc -l <"$db.ids") papers), $(nproc) cores"

# run NAME LIMIT_MS PATH [wrk args]: a short warm-up, then the measured run; prints p99, its ratio to the limit, req/s, errors.
run() {
  name=$1 limit=$2 path=$3
  shift 3
  wrk -t2 -c32 -d3s "$@" "$base$path" >/dev/null
  wrk -t2 -c32 -d"${secs}s" --latency "$@" "$base$path" >"$work/wrk.out"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  awk -v name="$name" -v limit="$limit" -v load="$load" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    $1 == "99%" { p99 = ms($2) }
    $1 == "50%" { p50 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { errors += $4 + $6 + $8 + $10 }
    END {
      verdict = (p99 <= limit && errors == 0) ? "OK" : "MISSED"
      if (limit > 0) printf "%-22s p50 %8.2f ms  p99 %8.2f ms  limit %g ms  ratio %.2f  %9.0f req/s  errors %d  %s  (load %s)\n", name, p50, p99, limit, p99 / limit, rps, errors, verdict, load
      else printf "%-22s p50 %8.2f ms  p99 %8.2f ms  %9.0f req/s  errors %d  (load %s)\n", name, p50, p99, rps, errors, load
    }' "$work/wrk.out"
}

run "search q=model" 150 "/search?q=model"
run "search, never cached" 150 "/search?q=model" -s bench/serve-papers.lua
run "paper page (one)" 20 "/papers/$paper"
PAPER_IDS=$db.ids run "paper page (random)" 20 "/papers/" -s bench/serve-papers.lua
run "home (day page)" 0 "/"
