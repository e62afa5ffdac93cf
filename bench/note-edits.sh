#!/usr/bin/env bash
# Edits of a long note (issue: find anyone in milliseconds, the index's
# cost on writes). A note of 10,000 characters on 160 lines is about a
# thousand search rows (contacts::search::names_of); this measures, with
# one client, PATCH /v1/contacts/{id} that changes one line of it, that
# adds a line, and that replaces the whole note, each as req/s, p50 and
# p99 over ROUNDS edits. Seeds a database like bench/search.sh unless
# REUSE_DB names a seeded SQLite file (copied, never written) or a
# PostgreSQL URL. Prints a markdown table; never part of `cargo test`.
#
#   bench/note-edits.sh [sqlite|postgres]
#   REUSE_DB=/path/to/seeded.db KITH_BIN=<a kith binary> bench/note-edits.sh sqlite
#
# Load goes to 127.0.0.1 only and is bounded by ROUNDS.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND=${1:-sqlite}
ROUNDS=${ROUNDS:-300}
PORT=${PORT:-18093}
if [ -z "${KITH_BIN:-}" ]; then cargo build --release --locked -q; fi
BIN=${KITH_BIN:-$PWD/target/release/kith}
WORK=$(mktemp -d)
case "$BACKEND" in
  sqlite)
    URL="sqlite://$WORK/bench.db"
    if [ -n "${REUSE_DB:-}" ]; then cp "$REUSE_DB" "$WORK/bench.db"; fi
    ;;
  postgres)
    ADMIN=$(PGPORT=${PGPORT:-54331} .ci/start-postgres)
    DB=kith_notes_$$
    psql "$ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
    URL=${REUSE_DB:-"${ADMIN%/*}/$DB"}
    ;;
  *) echo "usage: bench/note-edits.sh [sqlite|postgres]" >&2; exit 2 ;;
esac
export KITH_DATABASE_URL=$URL KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_ACCESS_TOKEN_TTL_SECS=7200 \
  KITH_RATE_LOGIN_PER_MINUTE=0 KITH_DATA_DIR=$WORK
if [ -z "${REUSE_DB:-}" ]; then
  "$BIN" seed --contacts "${CONTACTS:-100000}" --interactions "${INTERACTIONS:-1000000}" \
    --ledger "${LEDGER:-100000}" --relationships 0 >&2
fi
"$BIN" serve >>"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
python3 - "$PORT" "$ROUNDS" <<'PY'
import http.client, json, random, sys, time
port, rounds = int(sys.argv[1]), int(sys.argv[2])
c = http.client.HTTPConnection("127.0.0.1", port)
def call(method, path, body=None, headers=None):
    h = {"content-type": "application/json", **(headers or {})}
    c.request(method, path, json.dumps(body) if body is not None else None, h)
    r = c.getresponse()
    data = r.read()
    return r.status, data
status, data = call("POST", "/v1/auth/login", {"email": "bench@example.com", "password": "bench-password-123"})
auth = {"authorization": "Bearer " + json.loads(data)["access_token"]}
rnd = random.Random(19)
words = "met at the conference we talked about pricing growth hiring berlin product design travel family coffee".split()
def line():
    out = []
    while len(" ".join(out)) < 60:
        out.append(f"{rnd.choice(words)}{rnd.randrange(1000)}")
    return " ".join(out)
lines = [line() for _ in range(160)]
status, data = call("POST", "/v1/contacts", {"display_name": "Long Note", "notes": "\n".join(lines)[:10000]}, auth)
assert status == 201, data
url = "/v1/contacts/" + json.loads(data)["id"]
def run(label, edit):
    times = []
    start = time.perf_counter()
    for i in range(rounds):
        notes = "\n".join(edit(i))[:10000]
        t = time.perf_counter()
        status, data = call("PATCH", url, {"notes": notes}, auth)
        times.append(time.perf_counter() - t)
        assert status == 200, data
    total = time.perf_counter() - start
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"| {label} | {rounds / total:.0f} | {p(0.5):.2f} | {p(0.99):.2f} |")
print("| PATCH notes, 10,000 characters on 160 lines (1 client) | req/s | p50 ms | p99 ms |")
print("|---|---:|---:|---:|")
def one_line(i):
    lines[rnd.randrange(len(lines))] = line()
    return lines
run("one line changed", one_line)
def added(i):
    lines.pop(0)
    lines.append(line())
    return lines
run("first line gone, one added at the end", added)
run("the whole note new", lambda i: [line() for _ in range(160)])
PY
echo
echo "- backend: $BACKEND; $(nproc) cores; kith ${KITH_BIN:-$(git rev-parse --short HEAD)}"
