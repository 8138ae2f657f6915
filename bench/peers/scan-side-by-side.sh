#!/usr/bin/env bash
# Whole-process comparison over the index benchmarks' generated corpus (200,000 OSV records, 5,000 purls):
# `firebreak db import`, `firebreak scan --db`, `firebreak scan --osv` (no index) and a plain Node baseline
# (scan-baseline.js: a Map plus the npm `semver` package, installed into a temporary folder, never the repo).
# Reports wall time and peak RSS from /usr/bin/time -v, and the ratios against the baseline.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Firebreak.Cli" -c Release -o "$work/cli" >/dev/null
dotnet run -c Release --project "$root/bench/Firebreak.Benchmarks" -- generate "$work/corpus" >/dev/null
(cd "$work" && npm init -y >/dev/null && npm install --silent semver >/dev/null 2>&1)
cp "$root/bench/peers/scan-baseline.js" "$work/"
records="$work/corpus/records.json"; purls="$work/corpus/purls.txt"; db="$work/advisories.fbx"

# measure NAME COMMAND…: runs once, keeps "wall-seconds peak-kB" in $work/NAME.time
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" > "$work/$name.out" 2> "$work/$name.err" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/$name.err")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/$name.err")
  echo "$wall $rss" > "$work/$name.time"
}

measure import dotnet "$work/cli/firebreak.dll" db import --osv "$records" --db "$db"
measure scan-db dotnet "$work/cli/firebreak.dll" scan --purls "$purls" --db "$db" --format json --fail-on none
measure scan-osv dotnet "$work/cli/firebreak.dll" scan --purls "$purls" --osv "$records" --format json --fail-on none
measure node node "$work/scan-baseline.js" "$records" "$purls"

count() { grep -o '"advisory"' "$work/$1.out" | wc -l; }
read -r nw nr < "$work/node.time"
printf '%-34s %9s %10s %9s %9s %9s\n' "whole process" "wall s" "peak MB" "findings" "time/node" "RSS/node"
for name in import scan-db scan-osv node; do
  read -r w r < "$work/$name.time"
  case $name in node) f=$(cat "$work/node.out");; import) f="-";; *) f=$(count "$name");; esac
  printf '%-34s %9.2f %10.0f %9s %9.2f %9.2f\n' "$name" "$w" "$(echo "$r / 1024" | bc -l)" "$f" "$(echo "$w / $nw" | bc -l)" "$(echo "$r / $nr" | bc -l)"
done
printf 'index file: %d bytes; date: %s\n' "$(stat -c %s "$db")" "$(date -u +%Y-%m-%d)"
