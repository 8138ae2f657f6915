#!/usr/bin/env bash
# Intake under load, side by side with the floor: Firebreak's anonymous report endpoint
# (POST /api/v1/projects/{slug}/reports) on SQLite, and a bare ASP.NET Core endpoint inserting one
# SQLite row (WAL, synchronous=FULL), each driven by the same client (bench/Firebreak.Load) in the
# same run. Prints one line per run and the ratio.
#   CLIENTS=64 COUNT=10000 bash bench/peers/intake-side-by-side.sh
# With DATABASE=postgres and FIREBREAK_BENCH_POSTGRES="Host=…;Username=…" the server runs on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
clients=${CLIENTS:-64}; count=${COUNT:-10000}; warmup=${WARMUP:-3000}
work=$(mktemp -d /tmp/firebreak-intake.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1"; exit 1; }

dotnet build src/Firebreak.Web -c Release -v q -nologo >/dev/null
dotnet build bench/Firebreak.Load -c Release -v q -nologo >/dev/null
server="$root/src/Firebreak.Web/bin/Release/net10.0/Firebreak.Web.dll"
load="$root/bench/Firebreak.Load/bin/Release/net10.0/Firebreak.Load.dll"

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
export Intake__PerAddressPerHour=100000000 Intake__PerProjectPerHour=0
if [ "${DATABASE:-sqlite}" = postgres ]; then
  export Database__Provider=postgres ConnectionStrings__Firebreak="${FIREBREAK_BENCH_POSTGRES};Database=firebreak_bench_$$"
fi
mkdir -p "$work/server" && cd "$work/server"
token=$(dotnet "$server" admin create-user --email bench@example.test --admin --token | tail -n 1)
fb_port=$(port)
dotnet "$server" --urls "http://127.0.0.1:$fb_port" >"$work/server.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$fb_port/health"
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"slug":"bench","name":"Bench"}' "http://127.0.0.1:$fb_port/api/v1/projects" >/dev/null

bare_port=$(port)
dotnet "$load" bare-server --port "$bare_port" --db "$work/bare.db" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare_port/"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), ${DATABASE:-sqlite}"
fb=$(dotnet "$load" run --url "http://127.0.0.1:$fb_port/api/v1/projects/bench/reports" --clients "$clients" --count "$count" --warmup "$warmup" --label firebreak) || true
echo "$fb"
bare=$(dotnet "$load" run --url "http://127.0.0.1:$bare_port/reports" --clients "$clients" --count "$count" --warmup "$warmup" --label bare) || true
echo "$bare"
rate() { sed -E 's/.* rate=([0-9]+)\/s.*/\1/' <<<"$1"; }
python3 -c "print(f'firebreak / bare = {int(\"$(rate "$fb")\")/int(\"$(rate "$bare")\"):.2f}')"
