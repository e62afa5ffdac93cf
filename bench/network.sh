#!/usr/bin/env bash
# Paying-it-forward benchmark (issue: pay it forward). Seeds a fresh
# database (100,000 contacts, 300,000 relationships, 10,000 open needs by
# default), starts the release server on 127.0.0.1 and measures with oha,
# one client, DURATION seconds each: GET /v1/network/matches (all, your
# offers, one need's), GET /v1/network/suggestions (all, one contact's) and
# the agenda that carries both. Prints a markdown table; never part of
# `cargo test`.
#
#   bench/network.sh [sqlite|postgres]
#   KITH_BIN=target/release/kith bench/network.sh   # a binary built already
#   REUSE_DB=<url of a database seeded by an earlier run> bench/network.sh sqlite
#
# Load goes to 127.0.0.1 only, and every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BACKEND=${1:-sqlite}
CONTACTS=${CONTACTS:-100000}
RELATIONSHIPS=${RELATIONSHIPS:-300000}
NEEDS=${NEEDS:-10000}
INTERACTIONS=${INTERACTIONS:-100000}
LEDGER=${LEDGER:-10000}
DURATION=${DURATION:-8}
PORT=${PORT:-18093}

if [ -z "${KITH_BIN:-}" ]; then
  cargo build --release --locked -q
  KITH_BIN=$ROOT/target/release/kith
fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v oha >/dev/null 2>&1 || cargo install oha --locked -q
WORK=$(mktemp -d)
case "$BACKEND" in
  sqlite) URL="sqlite://$WORK/bench.db" ;;
  postgres)
    ADMIN=$(PGPORT=${PGPORT:-54331} .ci/start-postgres)
    DB=kith_network_$$
    psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
    URL="${ADMIN%/*}/$DB"
    ;;
  *) echo "usage: bench/network.sh [sqlite|postgres]" >&2; exit 2 ;;
esac
URL=${REUSE_DB:-$URL}
export KITH_DATABASE_URL=$URL KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_LOGIN_PER_MINUTE=0 KITH_DATA_DIR=$WORK
if [ -z "${REUSE_DB:-}" ]; then
  echo "seeding $BACKEND: $CONTACTS contacts, $RELATIONSHIPS relationships, $NEEDS needs ($URL)" >&2
  "$KITH_BIN" seed --contacts "$CONTACTS" --interactions "$INTERACTIONS" --ledger "$LEDGER" \
    --relationships "$RELATIONSHIPS" --needs "$NEEDS" >&2
fi

"$KITH_BIN" serve >>"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
API=http://127.0.0.1:$PORT
TOKEN=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
AUTH="Authorization: Bearer $TOKEN"
summarise() { python3 "$ROOT/bench/summarise.py"; }
field() { # url, python expression on the answer `d`
  curl -fs "$1" -H "$AUTH" | python3 -c "import json,sys; d=json.load(sys.stdin); print($2)"
}
NEED=$(field "$API/v1/needs?kind=ask&status=open&limit=1" 'd["items"][0]["id"]')
CONTACT=$(field "$API/v1/network/suggestions?limit=1" 'd["items"][0]["a"]["id"]')

echo "| request (1 client) | items | req/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
one_client() { # label url
  local n
  n=$(field "$2" 'str(len(d["items"])) + ("+" if d.get("truncated") else "")')
  oha -n 20 -c 1 --no-tui -H "$AUTH" "$2" >/dev/null
  read -r rps p50 p99 err < <(oha -z "${DURATION}s" -c 1 --no-tui --output-format json -H "$AUTH" "$2" | summarise)
  echo "| \`$1\` | $n | $rps | $p50 | $p99 | $err |"
}
one_client "GET /v1/network/matches" "$API/v1/network/matches"
one_client "GET /v1/network/matches?offers_mine=true" "$API/v1/network/matches?offers_mine=true"
one_client "GET /v1/network/matches?need_id=…" "$API/v1/network/matches?need_id=$NEED"
one_client "GET /v1/network/suggestions" "$API/v1/network/suggestions"
one_client "GET /v1/network/suggestions?contact_id=…" "$API/v1/network/suggestions?contact_id=$CONTACT"
one_client "GET /v1/agenda" "$API/v1/agenda"
# The same reads right after a write each time (the user's feed moved, so
# the kept inputs are read again: docs/BENCHMARKS.md), 30 of each.
after_write() { # label url
  python3 - "$API" "$TOKEN" "$NEED" "$2" "$1" <<'PY'
import json, sys, time, urllib.request
api, token, need, url, label = sys.argv[1:]
auth = {"Authorization": f"Bearer {token}"}
def call(method, u, body=None):
    req = urllib.request.Request(u, method=method, headers={**auth, "content-type": "application/json"},
                                 data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req, timeout=30) as r:
        r.read()
times = []
for n in range(30):
    call("PATCH", f"{api}/v1/needs/{need}", {"description": f"benchmark write {n} {time.time()}"})
    t = time.perf_counter()
    call("GET", url)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
p50, p99 = times[len(times) // 2], times[-1]
print(f"| `{label}`, each right after a write (30, worst as p99) | | | {p50:.2f} | {p99:.2f} | 0 |")
PY
}
after_write "GET /v1/network/matches" "$API/v1/network/matches"
after_write "GET /v1/network/suggestions" "$API/v1/network/suggestions"
echo
echo "- backend: $BACKEND; data: $CONTACTS contacts, $RELATIONSHIPS relationships, $NEEDS open needs, $INTERACTIONS interactions, $LEDGER ledger entries; $(nproc) cores; kith $(git rev-parse --short HEAD)"
