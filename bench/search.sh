#!/usr/bin/env bash
# Search benchmark (issue: find anyone in milliseconds). Seeds a fresh
# database (100,000 contacts, 1,000,000 interactions by default), starts the
# release server on 127.0.0.1 and measures with oha:
#   - each contact search and each /v1/search query with one client
#     (DURATION seconds each): req/s, p50, p99;
#   - the contact searches together at 64 connections, against /healthz
#     measured just before and after: searched each time (no pages kept),
#     then asked again with pages kept, then 6,000 distinct ones;
#   - POST /v1/contacts at 64 connections with the search indexes, then
#     with them removed (SQLite: a plain table in the FTS5 table's place;
#     PostgreSQL: its GIN index dropped; both: the indexes of the name rows
#     dropped, the rows still written): what the indexes cost a write.
#     (The database is left without them: use a copy with REUSE_DB.)
# Prints markdown tables; never part of `cargo test`.
#
#   bench/search.sh [sqlite|postgres]
#   REUSE_DB=<url of a seeded database> bench/search.sh sqlite
#   KITH_BIN=<a kith binary> bench/search.sh sqlite
#
# Load goes to 127.0.0.1 only, and every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BACKEND=${1:-sqlite}
CONTACTS=${CONTACTS:-100000}
INTERACTIONS=${INTERACTIONS:-1000000}
LEDGER=${LEDGER:-100000}
RELATIONSHIPS=${RELATIONSHIPS:-0}
DURATION=${DURATION:-8}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18091}

# KITH_BIN: a binary already built (else the release build, built now).
if [ -z "${KITH_BIN:-}" ]; then cargo build --release --locked -q; fi
export PATH="$HOME/.cargo/bin:$PATH"
command -v oha >/dev/null 2>&1 || cargo install oha --locked -q
BIN=${KITH_BIN:-$ROOT/target/release/kith}
WORK=$(mktemp -d)
case "$BACKEND" in
  sqlite) URL="sqlite://$WORK/bench.db" ;;
  postgres)
    ADMIN=$(PGPORT=${PGPORT:-54331} .ci/start-postgres)
    DB=kith_search_$$
    psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
    URL="${ADMIN%/*}/$DB"
    ;;
  *) echo "usage: bench/search.sh [sqlite|postgres]" >&2; exit 2 ;;
esac
URL=${REUSE_DB:-$URL}
export KITH_DATABASE_URL=$URL KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_LOGIN_PER_MINUTE=0 KITH_DATA_DIR=$WORK
if [ -z "${REUSE_DB:-}" ]; then
  echo "seeding $BACKEND: $CONTACTS contacts, $INTERACTIONS interactions, $LEDGER ledger entries" >&2
  "$BIN" seed --contacts "$CONTACTS" --interactions "$INTERACTIONS" --ledger "$LEDGER" \
    --relationships "$RELATIONSHIPS" >&2
fi

# KITH_SEARCH_PAGES_KIB: 0 while a search's own cost is measured (nothing
# kept: every request searches), the default where a page may be asked
# again (contacts::kept).
start_server() { # [KiB of search pages kept]
  KITH_SEARCH_PAGES_KIB=${1:-0} "$BIN" serve >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
}
start_server
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
# SQLite: the writer merges the search indexes' segments while it is idle
# (db::search_index::tidy; the seed leaves each index in several); the
# searches are measured on indexes at rest, as a server has them between
# writes. Waits until no index's segments or pages changed for 3 s.
if [ "$BACKEND" = sqlite ]; then
  python3 - "${URL#sqlite://}" <<'PY' >&2
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
tables = ("contacts", "interactions", "ledger_entries", "introductions")
# Segments, and pages (which a merge under way writes before it removes
# a segment).
count = lambda: [c.execute(f"SELECT (SELECT count(DISTINCT segid) FROM {t}_fts_idx), "
                           f"(SELECT count(*) FROM {t}_fts_data)").fetchone() for t in tables]
start, last, still = time.time(), count(), 0
while still < 3 and time.time() - start < 300:
    time.sleep(1)
    now = count()
    still = still + 1 if now == last else 0
    last = now
print(f"search indexes at rest after {time.time() - start:.0f} s: segments "
      f"{ {t: n for t, (n, _) in zip(tables, last)} }")
PY
fi
API=http://127.0.0.1:$PORT
TOKEN=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
AUTH="Authorization: Bearer $TOKEN"
summarise() { python3 "$ROOT/bench/summarise.py"; }

# What people type: a family name (one contact in 16 has it), a person, the
# start of a name, a company, a note, an email; across everything, a topic
# word (one interaction in 16), a place with an accent, a name, a numbered
# topic.
CONTACT_QUERIES=("lima" "ana%20lima%2012" "no" "company%200007" "conference%2017" "sara.kim")
SEARCH_QUERIES=("berlin" "z%C3%BCrich" "ana%20lima%2012" "pricing%20page%20%2317" "priya")
URLS=$WORK/contact-searches.txt
: >"$URLS"
for q in "${CONTACT_QUERIES[@]}"; do echo "$API/v1/contacts?limit=50&q=$q" >>"$URLS"; done
for u in $(cat "$URLS"); do oha -n 100 -c 4 --no-tui -H "$AUTH" "$u" >/dev/null; done
# Searches asked once or a few times: 6,000 people, companies and email
# addresses of the seed's kind, drawn at random, most of them never found
# among the pages kept (contacts::kept keeps about 1 MiB of a user's pages).
DISTINCT=$WORK/distinct-searches.txt
python3 - "$API" >"$DISTINCT" <<'PY'
import random, sys
rnd = random.Random(19)
first = "ana ben cleo dara eli fran gus hana ivo jun kai lea mia noor omar pia quin rui sara tom".split()
last = "lima okafor park silva novak haddad kim moreau rossi tanaka costa berg ivanova nair adeyemi kowalski".split()
for i in range(2000):
    f, l, n = rnd.choice(first), rnd.choice(last), rnd.randrange(100000)
    print(f"{sys.argv[1]}/v1/contacts?limit=50&q={f}%20{l}%20{n}")
    print(f"{sys.argv[1]}/v1/contacts?limit=50&q=company%20{rnd.randrange(2000):04}")
    print(f"{sys.argv[1]}/v1/contacts?limit=50&q={f}.{l}{rnd.randrange(100000)}")
PY
for q in "${SEARCH_QUERIES[@]}"; do oha -n 50 -c 4 --no-tui -H "$AUTH" "$API/v1/search?q=$q" >/dev/null; done

echo "| query (1 client) | matches | req/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
one_client() { # label url
  local n
  n=$(curl -fs "$2" -H "$AUTH" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(str(len(d["items"])) + ("+" if d["next_cursor"] else ""))')
  read -r rps p50 p99 err < <(oha -z "${DURATION}s" -c 1 --no-tui --output-format json -H "$AUTH" "$2" | summarise)
  echo "| \`$1\` | $n | $rps | $p50 | $p99 | $err |"
}
for q in "${CONTACT_QUERIES[@]}"; do one_client "GET /v1/contacts?q=$q" "$API/v1/contacts?limit=50&q=$q"; done
for q in "${SEARCH_QUERIES[@]}"; do one_client "GET /v1/search?q=$q" "$API/v1/search?q=$q"; done
read -r rps p50 p99 err < <(oha -z "${DURATION}s" -c 1 --no-tui --output-format json -H "$AUTH" --urls-from-file "$URLS" | summarise)
echo "| contact searches above, mixed | | $rps | $p50 | $p99 | $err |"

health() {
  oha -z 5s -c "$CONNECTIONS" --no-tui --output-format json "$API/healthz" | summarise | awk '{print $1}'
}
echo
echo "| at $CONNECTIONS connections | req/s | × /healthz | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|"
before=$(health)
read -r rps _ p99 err < <(oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json -H "$AUTH" --urls-from-file "$URLS" | summarise)
after=$(health)
ratio() { python3 -c "print(f'{$1 / (($2 + $3) / 2):.2f}')"; }
echo "| contact searches, mixed, each searched | $rps | $(ratio "$rps" "$before" "$after") | $p99 | $err |"
# Again with search pages kept (the default): the six asked again, then
# 6,000 distinct ones.
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
start_server 1024
before=$(health)
read -r rps _ p99 err < <(oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json -H "$AUTH" --urls-from-file "$URLS" | summarise)
after=$(health)
echo "| contact searches, mixed, pages kept | $rps | $(ratio "$rps" "$before" "$after") | $p99 | $err |"
read -r rps _ p99 err < <(oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json -H "$AUTH" --urls-from-file "$DISTINCT" | summarise)
after2=$(health)
echo "| contact searches, 6,000 distinct, pages kept | $rps | $(ratio "$rps" "$after" "$after2") | $p99 | $err |"

post() {
  oha -z "${DURATION}s" -c "$CONNECTIONS" --no-tui --output-format json -m POST -H "$AUTH" \
    -H 'content-type: application/json' \
    -d '{"display_name":"Bench Person","company":"Bench","notes":"Met at the search benchmark","tags":["tag01"]}' \
    "$API/v1/contacts" | summarise
}
read -r with _ p99_with err_with < <(post)
echo "| POST /v1/contacts, with the search indexes | $with | | $p99_with | $err_with |"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
case "$BACKEND" in
  sqlite) python3 - "${URL#sqlite://}" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
# A new contact enters the index by a statement of kith's own
# (db::search_index::add; no insert trigger since migration 000028): a
# plain table in the index's place takes that row without the trigram
# index, so what is left out is the index's own work.
for t in ("contacts_fts_delete", "contacts_fts_update"):
    c.execute(f"DROP TRIGGER {t}")
c.execute("DROP TABLE contacts_fts")
c.execute("CREATE TABLE contacts_fts (search_text TEXT)")
# The name rows' indexes too (the ranks before the substring one read
# them): their rows still go in, into a table without an index.
for i in ("contact_names_lookup", "contact_names_head"):
    c.execute(f"DROP INDEX {i}")
c.commit()
PY
  ;;
  postgres) psql "$URL" -qc "DROP INDEX contacts_search" \
    -c "DROP INDEX contact_names_lookup" -c "DROP INDEX contact_names_head" >/dev/null ;;
esac
# Without the index (and on PostgreSQL without the extension's index being
# made again at start-up: the index is dropped after the server is up).
if [ "$BACKEND" = postgres ]; then
  start_server
  psql "$URL" -qc "DROP INDEX IF EXISTS contacts_search" >/dev/null
else
  start_server
fi
read -r without _ p99_without err_without < <(post)
echo "| POST /v1/contacts, without them | $without | | $p99_without | $err_without |"
echo
echo "- the search indexes cost $(python3 -c "print(f'{(1 - $with / $without) * 100:.0f}')") % of POST /v1/contacts throughput"
echo "- backend: $BACKEND; data: $CONTACTS contacts, $INTERACTIONS interactions, $LEDGER ledger entries; $(nproc) cores; kith ${KITH_BIN:-$(git rev-parse --short HEAD)}"
