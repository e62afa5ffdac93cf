#!/usr/bin/env bash
# Many users writing at once on one PostgreSQL with durable settings (fsync
# and synchronous_commit on, unlike the test cluster): USERS users, each with
# CONTACTS_EACH contacts, and wrk at CONNECTIONS connections spread over them
# (every request takes the next user's token), through one kith process and
# then through two on the same database (the connections split between
# them). Then the statements one write runs, from pg_stat_statements.
# Prints markdown; never part of `cargo test`. Load goes to 127.0.0.1 only,
# bounded by DURATION.
#
#   bench/many-users.sh KITH_BIN
#   USERS=500 DURATION=10 CONNECTIONS=64 PGPORT=54380 bench/many-users.sh target/release/kith
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "$1")
USERS=${USERS:-500} DURATION=${DURATION:-10} CONNECTIONS=${CONNECTIONS:-64}
PGPORT=${PGPORT:-54380} CONTACTS_EACH=${CONTACTS_EACH:-3}
PG=/usr/lib/postgresql/15/bin
DATA=/tmp/kith-pg-durable-$PGPORT
WORK=$(mktemp -d)
RUN_AS=()
[ "$(id -u)" = 0 ] && RUN_AS=(runuser -u postgres --)

# A durable cluster of its own: PostgreSQL's defaults for durability.
if ! "${RUN_AS[@]}" "$PG/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  "${RUN_AS[@]}" "$PG/initdb" -D "$DATA" -U postgres --auth=trust --locale=C.UTF-8 >/dev/null
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$DATA'
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = on
full_page_writes = on
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = all
CONF
  "${RUN_AS[@]}" "$PG/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start >/dev/null
fi
ADMIN="postgres://postgres@127.0.0.1:$PGPORT/postgres"
DB=kith_many_$$
psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
URL="postgres://postgres@127.0.0.1:$PGPORT/$DB"
psql "$URL" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null

export KITH_DATABASE_URL=$URL RUST_LOG=warn KITH_DATA_DIR=$WORK \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_REGISTER_PER_MINUTE=0 KITH_RATE_LOGIN_PER_MINUTE=0
PIDS=()
start() { # port
  KITH_LISTEN=127.0.0.1:$1 "$BIN" serve >>"$WORK/server-$1.log" 2>&1 &
  PIDS+=($!)
  until curl -fs "http://127.0.0.1:$1/readyz" >/dev/null 2>&1; do sleep 0.05; done
}
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap 'stop_all; psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true' EXIT

start 18101
# The users, and a few contacts each (the interactions name them).
python3 - "$USERS" "$CONTACTS_EACH" >"$WORK/users.lua" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
users, each = int(sys.argv[1]), int(sys.argv[2])
api = "http://127.0.0.1:18101"
def call(method, path, body, token=None):
    req = urllib.request.Request(api + path, method=method, data=json.dumps(body).encode(),
                                 headers={"content-type": "application/json",
                                          **({"authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)
def user(i):
    t = call("POST", "/v1/auth/register", {"email": f"u{i}@example.com",
             "password": "many-users-password", "name": f"U{i}"})["access_token"]
    ids = [call("POST", "/v1/contacts", {"display_name": f"C{i}-{n}"}, t)["id"] for n in range(each)]
    return t, ids
with ThreadPoolExecutor(8) as ex:
    made = list(ex.map(user, range(users)))
print("users = {")
for t, ids in made:
    print("  {%s, {%s}}," % (json.dumps(t), ", ".join(json.dumps(i) for i in ids)))
print("}")
PY

# Every request the next user's: contacts, or an interaction with two of theirs.
for kind in contacts interactions; do
  cat "$WORK/users.lua" - >"$WORK/$kind.lua" <<LUA
local n = 0
local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
request = function()
  n = n + 1
  local u = users[(n % #users) + 1]
  local body
  if "$kind" == "contacts" then
    body = '{"display_name":"Bench ' .. n .. '","company":"Bench"}'
  else
    body = '{"kind":"call","direction":"outbound","summary":"Bench","occurred_at":"' .. now ..
      '","contact_ids":["' .. u[2][1] .. '","' .. u[2][2] .. '"]}'
  end
  return wrk.format("POST", "/v1/$kind", {["Authorization"] = "Bearer " .. u[1],
    ["Content-Type"] = "application/json"}, body)
end
LUA
done

rate() { # port connections kind → req/s
  wrk -t1 -c"$2" -d"${DURATION}s" -s "$WORK/$3.lua" "http://127.0.0.1:$1" \
    | awk '/Requests\/sec/ {print int($2)} /Non-2xx/ {print "  " $0 > "/dev/stderr"}'
}

echo "| write, $USERS users, $CONNECTIONS connections | 1 process req/s | 2 processes req/s |"
echo "|---|---:|---:|"
declare -A ONE TWO
for kind in contacts interactions; do
  ONE[$kind]=$(rate 18101 "$CONNECTIONS" "$kind")
done
start 18102
for kind in contacts interactions; do
  half=$((CONNECTIONS / 2))
  rate 18101 "$half" "$kind" >"$WORK/a" & pa=$!
  rate 18102 "$half" "$kind" >"$WORK/b" & pb=$!
  wait "$pa" "$pb"
  TWO[$kind]=$(( $(cat "$WORK/a") + $(cat "$WORK/b") ))
done
echo "| \`POST /v1/contacts\` | ${ONE[contacts]} | ${TWO[contacts]} |"
echo "| \`POST /v1/interactions\` (2 people) | ${ONE[interactions]} | ${TWO[interactions]} |"
echo

# What one write runs: the statements of each kind, per request.
psql "$URL" -qc "SELECT pg_stat_statements_reset()" >/dev/null
T=$(sed -n '2s/^  {"\([^"]*\)".*/\1/p' "$WORK/users.lua")
for i in $(seq 1 20); do
  curl -fs -o /dev/null -X POST http://127.0.0.1:18101/v1/contacts -H "authorization: Bearer $T" \
    -H 'content-type: application/json' -d "{\"display_name\":\"Counted $i\"}"
done
echo "Statements per \`POST /v1/contacts\` (20 requests, pg_stat_statements):"
echo
echo '| calls per request | statement |'
echo '|---:|---|'
psql "$URL" -At -F'|' -c "SELECT round(calls / 20.0, 2), regexp_replace(left(query, 90), '\s+', ' ', 'g')
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC, query" \
  | awk -F'|' '{printf "| %s | `%s` |\n", $1, $2}'
echo
echo "- PostgreSQL 15 on 127.0.0.1 with fsync, synchronous_commit and full_page_writes on; kith's default pool"
echo "- wrk -t1, ${DURATION} s per row; two processes: ${CONNECTIONS} connections split between them, rates summed"
