#!/usr/bin/env bash
# Single-client latency of the endpoints the issues give single-client
# targets for, against a server that bench/run.sh (or you) started and
# seeded:   API=http://127.0.0.1:18090 TOKEN=… bench/single-client.sh
# Load goes to 127.0.0.1 only; each endpoint runs for DURATION seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
API=${API:-http://127.0.0.1:18090}
DURATION=${DURATION:-5}
AUTH="Authorization: Bearer $TOKEN"
ID=$(curl -fs "$API/v1/contacts?limit=1" -H "$AUTH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "| endpoint (1 client) | req/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|"
for e in "GET /v1/contacts/{id}|/v1/contacts/$ID" \
         "GET /v1/contacts?sort=next_due_at|/v1/contacts?limit=50&sort=next_due_at" \
         "GET /v1/agenda?days=7|/v1/agenda?days=7" \
         "GET /v1/ledger/balances?owing=them|/v1/ledger/balances?owing=them&limit=50" \
         "GET /v1/contacts/{id}/balance|/v1/contacts/$ID/balance" \
         "GET /v1/network/reach?company=…|/v1/network/reach?company=Company%200007"; do
  IFS='|' read -r name path <<<"$e"
  read -r rps p50 p99 err < <(oha -z "${DURATION}s" -c 1 --no-tui --output-format json -H "$AUTH" "$API$path" | python3 bench/summarise.py)
  echo "| \`$name\` | $rps | $p50 | $p99 | $err |"
done
