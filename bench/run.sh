#!/usr/bin/env bash
# The benchmark harness: builds the release binary, seeds a fresh database,
# starts the server on 127.0.0.1, warms up, and measures every endpoint with
# oha: a closed-loop run for maximum throughput, then a fixed-rate run at half
# of it for honest latencies (coordinated omission corrected). Throughputs are
# given as a ratio to /healthz measured right before and after each endpoint.
# Prints one markdown table; never part of `cargo test`.
#
#   bench/run.sh [sqlite|postgres]
#   CONTACTS=100000 INTERACTIONS=1000000 LEDGER=1000000 RELATIONSHIPS=300000 \
#   DURATION=10 CONNECTIONS=64 HEALTH_DURATION=5 bench/run.sh sqlite
#   ONLY='healthz|sort=name|agenda' bench/run.sh postgres   # the rows whose name matches
#   KITH_BIN=/path/to/kith REUSE_DB=<url> bench/run.sh postgres   # a built binary, a seeded database
#
# Load goes to 127.0.0.1 only, and every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BACKEND=${1:-sqlite}
CONTACTS=${CONTACTS:-100000}
INTERACTIONS=${INTERACTIONS:-1000000}
LEDGER=${LEDGER:-1000000}
RELATIONSHIPS=${RELATIONSHIPS:-300000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18090}
OUT=${OUT:-bench/results-$BACKEND.md}

if [ -z "${KITH_BIN:-}" ]; then
  cargo build --release --locked -q
fi
if ! command -v oha >/dev/null 2>&1; then
  export PATH="$HOME/.cargo/bin:$PATH"
  command -v oha >/dev/null 2>&1 || cargo install oha --locked -q
fi
BIN=${KITH_BIN:-$ROOT/target/release/kith}
WORK=$(mktemp -d)
case "$BACKEND" in
  sqlite) URL="sqlite://$WORK/bench.db" ;;
  postgres)
    if [ -z "${REUSE_DB:-}" ]; then
      # PostgreSQL's default durable settings (fsync and synchronous
      # commits on), in a cluster of its own.
      ADMIN=$(DURABLE=1 PGPORT=${PGPORT:-54331} PGDATA_DIR=/tmp/kith-pg-durable-${PGPORT:-54331} .ci/start-postgres)
      DB=kith_bench_$$
      psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
      URL="${ADMIN%/*}/$DB"
    fi
    ;;
  *) echo "usage: bench/run.sh [sqlite|postgres]" >&2; exit 2 ;;
esac
URL=${REUSE_DB:-$URL}
export KITH_DATABASE_URL=$URL KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_LOGIN_PER_MINUTE=0 KITH_DATA_DIR=$WORK

if [ -n "${REUSE_DB:-}" ]; then
  # A database seeded by an earlier run (its URL): skip seeding.
  export KITH_DATABASE_URL=$REUSE_DB
  SEED_SECS=""
else
echo "seeding $BACKEND: $CONTACTS contacts, $INTERACTIONS interactions, $LEDGER ledger entries, $RELATIONSHIPS relationships" >&2
SEED_START=$(date +%s.%N)
"$BIN" seed --contacts "$CONTACTS" --interactions "$INTERACTIONS" --ledger "$LEDGER" --relationships "$RELATIONSHIPS" >&2
SEED_SECS=$(python3 -c "import time; print(int(time.time() - $SEED_START))")
fi

# Start to ready, on the existing database.
T0=$(date +%s%N)
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.002; done
READY_MS=$(( ($(date +%s%N) - T0) / 1000000 ))

API=http://127.0.0.1:$PORT
TOKEN=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
AUTH="Authorization: Bearer $TOKEN"
IDS=$(curl -fs "$API/v1/contacts?limit=4&sort=-created_at" -H "$AUTH" | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["items"]))')
read -r ID1 ID2 ID3 ID4 <<<"$IDS"
# 1,000 of the user's contacts in random order, for reads that do not all
# hit one row.
URLS=$WORK/contact-urls.txt
python3 - "$API" "$TOKEN" >"$URLS" <<'PY'
import json, random, sys, urllib.request
api, token = sys.argv[1], sys.argv[2]
ids, cursor = [], None
while len(ids) < 1000:
    url = f"{api}/v1/contacts?limit=200&sort=name" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})))
    ids += [c["id"] for c in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
random.Random(7).shuffle(ids)
for i in ids[:1000]:
    print(f"{api}/v1/contacts/{i}")
PY
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# name | method | path | body
ENDPOINTS=(
  "GET /healthz|GET|/healthz|"
  "GET /v1/contacts/{id}|GET|/v1/contacts/$ID1|"
  "GET /v1/contacts/{id} (1,000 ids)|GET|@$URLS|"
  "GET /v1/contacts?sort=name|GET|/v1/contacts?limit=50&sort=name|"
  "GET /v1/contacts?sort=next_due_at|GET|/v1/contacts?limit=50&sort=next_due_at|"
  "GET /v1/contacts?fields=id,display_name|GET|/v1/contacts?limit=50&sort=name&fields=id,display_name|"
  "GET /v1/contacts?q=lima (search)|GET|/v1/contacts?limit=50&q=lima|"
  "POST /v1/contacts|POST|/v1/contacts|{\"display_name\":\"Bench Person\",\"company\":\"Bench\",\"tags\":[\"tag01\"]}"
  "PATCH /v1/contacts/{id}|PATCH|/v1/contacts/$ID2|{\"title\":\"Benchmarked\"}"
  "GET /v1/agenda?days=7|GET|/v1/agenda?days=7|"
  "POST /v1/interactions (3 people)|POST|/v1/interactions|{\"kind\":\"call\",\"direction\":\"outbound\",\"summary\":\"Bench\",\"occurred_at\":\"$NOW\",\"contact_ids\":[\"$ID1\",\"$ID3\",\"$ID4\"]}"
  "GET /v1/ledger/balances?owing=them|GET|/v1/ledger/balances?owing=them&limit=50|"
  "GET /v1/contacts/{id}/balance|GET|/v1/contacts/$ID1/balance|"
  "GET /v1/network/reach?company=…|GET|/v1/network/reach?company=Company%200007|"
)

run_oha() { # method path body [extra oha args…] → JSON on stdout
  local method=$1 path=$2 body=$3; shift 3
  local args=(-z "${DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json -m "$method" -H "$AUTH")
  if [ -n "$body" ]; then args+=(-H 'content-type: application/json' -d "$body"); fi
  # `@file`: the URLs listed in that file.
  if [ "${path:0:1}" = @ ]; then
    oha "${args[@]}" "$@" --urls-from-file "${path:1}"
  else
    oha "${args[@]}" "$@" "$API$path"
  fi
}

summarise() { python3 "$ROOT/bench/summarise.py"; }

# Warm up caches and the pools.
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r _ method path body <<<"$e"
  [ "$method" = GET ] && [ "${path:0:1}" != @ ] && oha -n 200 -c 8 --no-tui -H "$AUTH" "$API$path" >/dev/null
done
oha -n 2000 -c 8 --no-tui -H "$AUTH" --urls-from-file "$URLS" >/dev/null

# Each endpoint's throughput is compared with /healthz measured just before
# and just after it (HEALTH_DURATION seconds each): the machine's speed
# drifts over a run (2 shared cores), and a reference taken minutes earlier
# would carry that drift into the ratio.
HEALTH_DURATION=${HEALTH_DURATION:-5}
health() {
  oha -z "${HEALTH_DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json "$API/healthz" \
    | summarise | awk '{print $1}'
}
ROWS=$WORK/rows.tsv
: >"$ROWS"
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name method path body <<<"$e"
  [ -z "${ONLY:-}" ] || [ "$path" = /healthz ] || grep -qE "$ONLY" <<<"$name" || continue
  before=-
  [ "$path" = /healthz ] || before=$(health)
  read -r rps _ _ err1 < <(run_oha "$method" "$path" "$body" | summarise)
  half=$(( rps / 2 > 0 ? rps / 2 : 1 ))
  read -r _ p50 p99 err2 < <(run_oha "$method" "$path" "$body" -q "$half" --latency-correction | summarise)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$((err1 + err2))" "$before" >>"$ROWS"
  echo "$name: $rps req/s (/healthz before: $before), p50 $p50 ms, p99 $p99 ms, errors $((err1 + err2))" >&2
done
LAST_HEALTH=$(health)
python3 - "$ROWS" "$LAST_HEALTH" >"$OUT.tmp" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
print("| endpoint | max req/s | × /healthz | p50 ms @ 50% | p99 ms @ 50% | errors |")
print("|---|---:|---:|---:|---:|---:|")
for i, (name, rps, p50, p99, errors, before) in enumerate(rows):
    if before == "-":
        ratio = 1.0
    else:
        after = rows[i + 1][5] if i + 1 < len(rows) else sys.argv[2]
        ratio = float(rps) / ((float(before) + float(after)) / 2)
    print(f"| `{name}` | {rps} | {ratio:.2f} | {p50} | {p99} | {errors} |")
PY
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
LOCKED=$(grep -c 'database is locked' "$WORK/server.log" || true)
{
  echo
  echo "- backend: $BACKEND; data: $CONTACTS contacts, $INTERACTIONS interactions, $LEDGER ledger entries, $RELATIONSHIPS relationships ($([ -n "$SEED_SECS" ] && echo "seeded in ${SEED_SECS} s" || echo "seeded earlier, REUSE_DB"))"
  echo "- $CONNECTIONS connections, ${DURATION} s closed loop then ${DURATION} s at half that rate per endpoint; × /healthz against the mean of ${HEALTH_DURATION} s /healthz runs just before and after the endpoint"
  echo "- server start to ready: ${READY_MS} ms; peak RSS: $((RSS_KB / 1024)) MiB; \"database is locked\" in the log: $LOCKED"
  if [ "$BACKEND" = postgres ]; then
    echo "- PostgreSQL $(psql "$URL" -Atc 'SHOW server_version'): fsync $(psql "$URL" -Atc 'SHOW fsync'), synchronous_commit $(psql "$URL" -Atc 'SHOW synchronous_commit'), full_page_writes $(psql "$URL" -Atc 'SHOW full_page_writes')"
  fi
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
} >>"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
