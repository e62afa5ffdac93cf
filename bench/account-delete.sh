#!/usr/bin/env bash
# Deleting a large account while another user writes (SQLite, release
# build): `kith seed` makes an account of CONTACTS contacts, INTERACTIONS
# interactions, LEDGER ledger entries and RELATIONSHIPS relationships; a
# second user creates contacts from WRITERS connections (oha, for DURATION
# seconds) while the large account is deleted (`DELETE /v1/me`). Prints how
# long the deletion took and what the other user's writes saw meanwhile
# (their slowest one is the longest any write waited for the writer).
# Prints markdown; never part of `cargo test`. Load goes to 127.0.0.1 only,
# bounded by DURATION.
#
#   bench/account-delete.sh
#   KITH_BIN=/tmp/kith-old CONTACTS=10000 bench/account-delete.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS=${CONTACTS:-10000}
INTERACTIONS=${INTERACTIONS:-100000}
LEDGER=${LEDGER:-100000}
RELATIONSHIPS=${RELATIONSHIPS:-30000}
WRITERS=${WRITERS:-4}
DURATION=${DURATION:-40}
PORT=${PORT:-18095}
if [ -z "${KITH_BIN:-}" ]; then cargo build --release --locked -q; fi
BIN=${KITH_BIN:-$PWD/target/release/kith}
command -v oha >/dev/null || { echo "needs oha (cargo install oha)"; exit 1; }
WORK=$(mktemp -d)
export KITH_DATABASE_URL="sqlite://$WORK/bench.db" KITH_LISTEN=127.0.0.1:$PORT \
  RUST_LOG=warn KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_RATE_LOGIN_PER_MINUTE=0 \
  KITH_DATA_DIR=$WORK
"$BIN" seed --contacts "$CONTACTS" --interactions "$INTERACTIONS" --ledger "$LEDGER" \
  --relationships "$RELATIONSHIPS" --no-second-user >"$WORK/seed.log"
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
API=http://127.0.0.1:$PORT
token() { python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }
BIG=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-123"}' | token)
OTHER=$(curl -fs -X POST "$API/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"other@example.com","password":"other-password-123","name":"Other"}' | token)

oha -z "${DURATION}s" -c "$WRITERS" --no-tui --output-format json -o "$WORK/writes.json" \
  -m POST -H "Authorization: Bearer $OTHER" -H 'content-type: application/json' \
  -d '{"display_name":"Someone else"}' "$API/v1/contacts" &
LOAD=$!
sleep 3
START=$(date +%s%N)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$API/v1/me" -H "Authorization: Bearer $BIG" \
  -H 'content-type: application/json' -d '{"password":"bench-password-123"}')
END=$(date +%s%N)
wait $LOAD
python3 - "$WORK/writes.json" "$STATUS" $(( (END - START) / 1000000 )) <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
lat = w["latencyPercentiles"]
s = w["summary"]
codes = w.get("statusCodeDistribution", {})
print("| deleting a large account (SQLite, release) | figure |")
print("|---|---:|")
print(f"| `DELETE /v1/me` ({sys.argv[2]}) | {int(sys.argv[3]):,} ms |")
print(f"| the other user's `POST /v1/contacts` meanwhile: req/s | {s['requestsPerSec']:.0f} |")
print(f"| … p50 / p99 / slowest | {lat['p50']*1000:.1f} / {lat['p99']*1000:.1f} / {s['slowest']*1000:.0f} ms |")
print(f"| … answers | {', '.join(f'{k}: {v}' for k, v in sorted(codes.items()))} |")
PY
echo
echo "- $(nproc) cores; $(grep -o '[0-9]* contacts.*' "$WORK/seed.log" | head -1); writers: $WRITERS for ${DURATION} s"
