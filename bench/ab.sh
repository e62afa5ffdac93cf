#!/usr/bin/env bash
# A/B: two kith binaries on one seeded database, alternately (A B, then
# B A: neither always goes second), each on a fresh copy of the seeded
# database (neither reads the rows the other's writes added), each endpoint
# measured with wrk for DURATION seconds per round at CONNECTIONS
# connections. Prints a markdown table: the mean req/s of each binary and
# new/old. Load goes to 127.0.0.1 only, bounded by DURATION; never part of
# `cargo test`. Needs wrk (Debian: apt-get install wrk).
#
#   bench/ab.sh OLD_BIN NEW_BIN [sqlite|postgres]
#   CONTACTS=20000 INTERACTIONS=200000 LEDGER=200000 RELATIONSHIPS=60000 \
#   DURATION=5 CONNECTIONS=64 ROUNDS=2 bench/ab.sh old/kith target/release/kith sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1") NEW=$(realpath "$2") BACKEND=${3:-sqlite}
CONTACTS=${CONTACTS:-20000} INTERACTIONS=${INTERACTIONS:-200000}
LEDGER=${LEDGER:-200000} RELATIONSHIPS=${RELATIONSHIPS:-60000}
DURATION=${DURATION:-5} CONNECTIONS=${CONNECTIONS:-64} ROUNDS=${ROUNDS:-2}
PORT=${PORT:-18095}
WORK=$(mktemp -d)
case "$BACKEND" in
  sqlite) URL="sqlite://$WORK/seeded.db" ;;
  postgres)
    ADMIN=$(PGPORT=${PGPORT:-54332} .ci/start-postgres)
    DB=kith_ab_$$
    psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
    URL="${ADMIN%/*}/$DB"
    ;;
  *) echo "usage: bench/ab.sh OLD_BIN NEW_BIN [sqlite|postgres]" >&2; exit 2 ;;
esac
SEEDED=$URL
# A fresh copy of the seeded database for one server run.
COPIES=0
fresh() {
  COPIES=$((COPIES + 1))
  case "$BACKEND" in
    sqlite)
      rm -f "$WORK"/run.db*
      cp "$WORK/seeded.db" "$WORK/run.db"
      [ -f "$WORK/seeded.db-wal" ] && cp "$WORK/seeded.db-wal" "$WORK/run.db-wal"
      KITH_DATABASE_URL="sqlite://$WORK/run.db"
      ;;
    postgres)
      psql "$ADMIN" -qc "DROP DATABASE IF EXISTS ${DB}_run" >/dev/null
      psql "$ADMIN" -qc "CREATE DATABASE ${DB}_run TEMPLATE $DB" >/dev/null
      KITH_DATABASE_URL="${ADMIN%/*}/${DB}_run"
      ;;
  esac
  export KITH_DATABASE_URL
}
export KITH_DATABASE_URL=$URL KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_LOGIN_PER_MINUTE=0 KITH_DATA_DIR=$WORK
API=http://127.0.0.1:$PORT

# Seeded by the old binary (its schema); the new one migrates on start.
"$OLD" seed --contacts "$CONTACTS" --interactions "$INTERACTIONS" --ledger "$LEDGER" \
  --relationships "$RELATIONSHIPS" >&2

SERVER=
start() {
  "$1" serve >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -fs "$API/readyz" >/dev/null 2>&1; do sleep 0.01; done
}
stop() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap stop EXIT

start "$OLD"
TOKEN=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-123"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
read -r ID1 ID2 ID3 <<<"$(curl -fs "$API/v1/contacts?limit=3&sort=-created_at" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["items"]))')"
stop
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# name | method | path | body. Reads first: the writes add rows (and WAL)
# that the reads measured after them would see and the other binary's not.
ENDPOINTS=(
  "GET /healthz|GET|/healthz|"
  "GET /v1/contacts/{id}|GET|/v1/contacts/$ID1|"
  "GET /v1/contacts?sort=name|GET|/v1/contacts?limit=50&sort=name|"
  "GET /v1/contacts?sort=next_due_at|GET|/v1/contacts?limit=50&sort=next_due_at|"
  "GET /v1/agenda?days=7|GET|/v1/agenda?days=7|"
  "GET /v1/ledger/balances?owing=them|GET|/v1/ledger/balances?owing=them&limit=50|"
  "POST /v1/contacts|POST|/v1/contacts|{\"display_name\":\"Bench Person\",\"company\":\"Bench\",\"tags\":[\"tag01\"]}"
  "PATCH /v1/contacts/{id}|PATCH|/v1/contacts/$ID2|{\"title\":\"Benchmarked\"}"
  "POST /v1/interactions (3 people)|POST|/v1/interactions|{\"kind\":\"call\",\"direction\":\"outbound\",\"summary\":\"Bench\",\"occurred_at\":\"$NOW\",\"contact_ids\":[\"$ID1\",\"$ID2\",\"$ID3\"]}"
)

rate() { # method path body → req/s (non-2xx answers are reported on stderr)
  local method=$1 path=$2 body=$3 lua=$WORK/req.lua
  python3 - "$method" "$body" "$TOKEN" >"$lua" <<'PY'
import json, sys
method, body, token = sys.argv[1], sys.argv[2], sys.argv[3]
print(f"wrk.method = {json.dumps(method)}")
print(f"wrk.headers['Authorization'] = {json.dumps('Bearer ' + token)}")
if body:
    print("wrk.headers['Content-Type'] = 'application/json'")
    print(f"wrk.body = {json.dumps(body)}")
PY
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" "$API$path" \
    | awk '/Requests\/sec/ {print int($2)} /Non-2xx/ {print "  " $0 > "/dev/stderr"}'
}

declare -A SUM
for round in $(seq 1 "$ROUNDS"); do
  order="OLD NEW"
  [ $((round % 2)) -eq 0 ] && order="NEW OLD"
  for side in $order; do
    bin=${!side}
    fresh
    start "$bin"
    for e in "${ENDPOINTS[@]}"; do
      IFS='|' read -r name method path body <<<"$e"
      r=$(rate "$method" "$path" "$body")
      SUM["$side|$name"]=$(( ${SUM["$side|$name"]:-0} + r ))
      echo "round $round $side $name: $r" >&2
    done
    stop
  done
done

echo "| endpoint ($BACKEND) | old req/s | new req/s | new / old |"
echo "|---|---:|---:|---:|"
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name _ _ _ <<<"$e"
  o=$(( ${SUM["OLD|$name"]} / ROUNDS )) n=$(( ${SUM["NEW|$name"]} / ROUNDS ))
  python3 -c 'import sys; n, o, w = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); print(f"| `{n}` | {o} | {w} | {w / max(o, 1):.2f} |")' "$name" "$o" "$n"
done
echo
echo "- $CONTACTS contacts, $INTERACTIONS interactions, $LEDGER ledger entries, $RELATIONSHIPS relationships (seeded once; each server run on a fresh copy)"
echo "- $ROUNDS rounds (old then new, then new then old), each endpoint ${DURATION} s at $CONNECTIONS connections (wrk -t2); mean req/s"
