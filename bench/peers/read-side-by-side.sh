#!/usr/bin/env bash
# Reads under load, side by side with the floor (issue 17 part 5): one incident's JSON with a bearer token
# (GET /api/v1/incidents/{id}) and its page with a signed-in cookie (GET /incidents/{id}) on Firebreak in
# Production mode on SQLite, and a bare ASP.NET Core endpoint reading one SQLite row by key (GET /reports/{id}),
# each driven by the same client (bench/Firebreak.Load run --method GET) at the same concurrency in the same run.
# Every Firebreak read writes its audit record, as in production. Prints one line per endpoint and the ratios,
# then the two Firebreak reads again paced at half the rate each reached (--rate), for their latency at half load,
# and finally counts the incident-read audit records (one per answered read, warm-ups included).
#   CLIENTS=32 COUNT=10000 bash bench/peers/read-side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
clients=${CLIENTS:-32}; count=${COUNT:-10000}; warmup=${WARMUP:-1000}; half_count=${HALF_COUNT:-$((count / 4))}
work=$(mktemp -d /tmp/firebreak-reads.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 200); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "no answer from $1"; exit 1; }

if [ -z "${NO_BUILD:-}" ]; then
  dotnet build src/Firebreak.Web -c Release -v q -nologo >/dev/null
  dotnet build bench/Firebreak.Load -c Release -v q -nologo >/dev/null
fi
server="$root/src/Firebreak.Web/bin/Release/net10.0/Firebreak.Web.dll"
load="$root/bench/Firebreak.Load/bin/Release/net10.0/Firebreak.Load.dll"

export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
mkdir -p "$work/server" && cd "$work/server"
password="bench-$(date +%s)-Passw0rd!"
token=$(printf '%s\n' "$password" | dotnet "$server" admin create-user --email bench@example.test --admin --token --password-stdin | tail -n 1)
fb_port=$(port)
fb="http://127.0.0.1:$fb_port"
dotnet "$server" --urls "$fb" >"$work/server.log" 2>&1 &
pids+=($!)
wait_for "$fb/health"
curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"slug":"bench","name":"Bench"}' "$fb/api/v1/projects" >/dev/null
incident=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"kind":"vulnerability-report","title":"Bench incident","summary":"A vulnerability read under load.","severity":"high"}' \
  "$fb/api/v1/projects/bench/incidents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# Sign in through the login form as a browser does: the antiforgery cookie and field, then the auth cookie.
jar="$work/jar"
form=$(curl -sf -c "$jar" "$fb/account/login")
csrf=$(python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()).group(1))' <<<"$form")
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Email=bench@example.test" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$csrf" "$fb/account/login"
cookie=$(awk -F'\t' '$6 ~ /firebreak\.auth/ { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "signing in gave no cookie"; exit 1; }
curl -sf -o /dev/null -H "Cookie: $cookie" "$fb/incidents/$incident" || { echo "the cookie does not open the page"; exit 1; }

bare_port=$(port)
dotnet "$load" bare-server --port "$bare_port" --db "$work/bare.db" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare_port/reports/1"

run() { dotnet "$load" run --method GET --clients "$1" --count "${n:-$count}" --warmup "$warmup" --label "$2" --url "$3" "${@:4}" || true; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), sqlite, $clients clients"
bare=$(run "$clients" bare "http://127.0.0.1:$bare_port/reports/42"); echo "$bare"
json=$(run "$clients" json "$fb/api/v1/incidents/$incident" --token "$token"); echo "$json"
page=$(run "$clients" page "$fb/incidents/$incident" --cookie "$cookie"); echo "$page"
rate() { sed -E 's/.* rate=([0-9]+)\/s.*/\1/' <<<"$1"; }
python3 -c "b=int('$(rate "$bare")'); print(f'json / bare = {int(\"$(rate "$json")\")/b:.3f}   page / bare = {int(\"$(rate "$page")\")/b:.3f}')"
echo "at half load (paced at half the rate each reached above):"
n=$half_count run "$clients" json-half "$fb/api/v1/incidents/$incident" --token "$token" --rate $(( $(rate "$json") / 2 ))
n=$half_count run "$clients" page-half "$fb/incidents/$incident" --cookie "$cookie" --rate $(( $(rate "$page") / 2 ))
reads=$(sqlite3 "$work/server/data/"*.db "select count(*) from AuditChain where Action='incident-read'" 2>/dev/null || echo '?')
echo "incident-read audit records: $reads"
