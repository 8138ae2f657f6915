#!/usr/bin/env bash
# Whole-process comparison over the index benchmarks' generated corpus (200,000 OSV records, 5,000 purls), with
# firebreak published as Native AOT (as users run it):
# `firebreak db import`, `firebreak scan --db`, `firebreak scan --osv` (no index), a plain Node baseline
# (scan-baseline.js: a Map plus the npm `semver` package) and the peer, Renovate's offline OSV store
# @renovatebot/osv-offline-db (scan-osv-offline.mjs: its database built from the same records, then the
# 5,000 purls looked up through it, versions tested as the baseline does). npm packages are installed into
# a temporary folder, never the repo. PEER_JAMIEMAGEE=1 adds @jamiemagee/osv-offline-db, the package the
# Renovate one was forked from (its query scans every record: about 5 minutes here).
# Reports wall time and peak RSS from /usr/bin/time -v, and the ratios against the baseline and the peer.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet publish "$root/src/Firebreak.Cli" -c Release -r linux-x64 -o "$work/cli" >/dev/null
dotnet run -c Release --project "$root/bench/Firebreak.Benchmarks" -- generate "$work/corpus" >/dev/null
peers="@renovatebot/osv-offline-db@3.0.12"
[ "${PEER_JAMIEMAGEE:-0}" = 1 ] && peers="$peers @jamiemagee/osv-offline-db@1.1.4"
# --engine-strict off: the Renovate package declares node >= 22.12 but runs on node 20 (checked: same findings).
(cd "$work" && npm init -y >/dev/null && npm install --silent --engine-strict=false semver $peers >/dev/null 2>&1)
cp "$root/bench/peers/scan-baseline.js" "$root/bench/peers/osv-semver-match.js" "$root/bench/peers/scan-osv-offline.mjs" "$work/"
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

measure import "$work/cli/firebreak" db import --osv "$records" --db "$db"
measure scan-db "$work/cli/firebreak" scan --purls "$purls" --db "$db" --format json --fail-on none
measure scan-osv "$work/cli/firebreak" scan --purls "$purls" --osv "$records" --format json --fail-on none
measure node node "$work/scan-baseline.js" "$records" "$purls"
names="import scan-db scan-osv node peer-build peer-query"
(cd "$work" && measure peer-build node scan-osv-offline.mjs build renovate "$work/osv-offline" "$records")
(cd "$work" && measure peer-query env OSV_OFFLINE_ROOT_DIR="$work/osv-offline" node scan-osv-offline.mjs query renovate "$work/osv-offline" "$purls")
if [ "${PEER_JAMIEMAGEE:-0}" = 1 ]; then
  names="$names jm-build jm-query"
  (cd "$work" && measure jm-build node scan-osv-offline.mjs build jamiemagee "$work/osv-offline-jm" "$records")
  (cd "$work" && measure jm-query node scan-osv-offline.mjs query jamiemagee "$work/osv-offline-jm" "$purls")
fi

count() { grep -o '"advisory"' "$work/$1.out" | wc -l; }
read -r nw nr < "$work/node.time"
read -r bw br < "$work/peer-build.time"
read -r qw qr < "$work/peer-query.time"
printf '%-34s %9s %10s %9s %9s %9s %9s %9s\n' "whole process" "wall s" "peak MB" "findings" "time/node" "RSS/node" "time/peer" "RSS/peer"
for name in $names; do
  read -r w r < "$work/$name.time"
  case $name in
    import) f="-"; pw=$bw; pr=$br;;
    *-build) f="$(cat "$work/$name.out") records"; pw=$bw; pr=$br;;
    node|*-query) f=$(cat "$work/$name.out"); pw=$qw; pr=$qr;;
    *) f=$(count "$name"); pw=$qw; pr=$qr;;
  esac
  printf '%-34s %9.2f %10.0f %9s %9.2f %9.2f %9.2f %9.2f\n' "$name" "$w" "$(echo "$r / 1024" | bc -l)" "$f" "$(echo "$w / $nw" | bc -l)" "$(echo "$r / $nr" | bc -l)" "$(echo "$w / $pw" | bc -l)" "$(echo "$r / $pr" | bc -l)"
done
echo "time/peer and RSS/peer: against peer-build for builds and the import, peer-query for scans."
read -r iw _ < "$work/import.time"
records_count=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$records")
printf 'import: %d records in %.2f s, %.0f records/s (whole process)\n' "$records_count" "$iw" "$(echo "$records_count / $iw" | bc -l)"
printf 'index file: %d bytes; peer database: %d bytes; date: %s; load average at the end: %s\n' \
  "$(stat -c %s "$db")" "$(du -sb "$work/osv-offline" | cut -f1)" "$(date -u +%Y-%m-%d)" "$(cut -d' ' -f1-3 /proc/loadavg)"
