#!/usr/bin/env bash
# Import and batch benchmark (issue: bring your network in). On SQLite, with
# the release build, against a server on 127.0.0.1:
#   - a LinkedIn Connections.csv of ROWS rows (10,000 by default; half with
#     an email) into an empty account, then the same file again (every row
#     matched and skipped), then again with on_duplicate=update;
#   - a vCard 3.0 file of ROWS cards (as a phone exports them: names,
#     an email, a phone, an organisation, a birthday, a note) into an empty
#     account;
#   - POST /v1/contacts/batch with 500 contacts matched by external id:
#     first all created, then all unchanged;
#   - GET /v1/contacts/duplicates?limit=200 over an account of DUPLICATES
#     contacts (100,000 by default, `kith seed`; 0 leaves it out) into
#     which 200 of them were copied with the same email by a batch.
# Each figure is the wall time of the request as curl reports it, the best
# and the worst of RUNS runs (a fresh account each run). Prints markdown;
# never part of `cargo test`.
#
#   bench/imports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
RUNS=${RUNS:-3}
PORT=${PORT:-18093}
# KITH_BIN: a binary already built (else the release build, built now).
if [ -z "${KITH_BIN:-}" ]; then cargo build --release --locked -q; fi
BIN=${KITH_BIN:-$PWD/target/release/kith}
WORK=$(mktemp -d)
export KITH_DATABASE_URL="sqlite://$WORK/bench.db" KITH_LISTEN=127.0.0.1:$PORT RUST_LOG=warn \
  KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_RATE_LOGIN_PER_MINUTE=0 \
  KITH_DATA_DIR=$WORK
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
API=http://127.0.0.1:$PORT

python3 - "$ROWS" >"$WORK/Connections.csv" <<'PY'
import random, sys
rows = int(sys.argv[1])
rnd = random.Random(16)
first = ["Ana", "Ben", "Cleo", "Dev", "Emma", "Farid", "Gita", "Hana", "Ivan", "Jin", "Kofi", "Lena"]
last = ["Lima", "Okafor", "Park", "Rao", "Stone", "Haddad", "Kim", "Novak", "Mensah", "Silva"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
print("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n")
print("First Name,Last Name,URL,Email Address,Company,Position,Connected On")
for n in range(rows):
    f, l = rnd.choice(first), rnd.choice(last)
    email = f"{f}.{l}.{n}@example.com".lower() if n % 2 == 0 else ""
    company = f"\"Company {n % 700}, Inc.\""
    date = f"{rnd.randint(1, 28):02d} {rnd.choice(months)} {rnd.randint(2010, 2025)}"
    print(f"{f},{l} {n},https://www.linkedin.com/in/{f.lower()}-{l.lower()}-{n},{email},{company},Engineer,{date}")
PY
python3 - "$ROWS" >"$WORK/contacts.vcf" <<'PY'
import random, sys
rows = int(sys.argv[1])
rnd = random.Random(17)
first = ["Ana", "Ben", "Cleo", "Dev", "Emma", "Farid", "Gita", "Hana", "Ivan", "Jin", "Kofi", "Lena"]
last = ["Lima", "Okafor", "Park", "Rao", "Stone", "Haddad", "Kim", "Novak", "Mensah", "Silva"]
for n in range(rows):
    f, l = rnd.choice(first), f"{rnd.choice(last)} {n}"
    print("BEGIN:VCARD\r\nVERSION:3.0\r")
    print(f"N:{l};{f};;;\r\nFN:{f} {l}\r")
    print(f"EMAIL;type=INTERNET;type=WORK;type=pref:{f}.{n}@example.com\r".lower())
    print(f"TEL;type=CELL;type=VOICE:+1 555 {n:07d}\r")
    print(f"ORG:Company {n % 700};\r\nTITLE:Engineer\r")
    print(f"BDAY:{rnd.randint(1950, 2000)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\r")
    print(f"NOTE:Met at conference {n % 40}\\, hallway track\r\nCATEGORIES:imported,phone\r\nEND:VCARD\r")
PY
python3 - >"$WORK/batch.json" <<'PY'
import json
items = [{"match": f"crm:{n}", "contact": {"display_name": f"Batch Person {n}", "company": "Initech",
          "emails": [{"address": f"batch{n}@example.com"}], "tags": ["batch"]}} for n in range(500)]
print(json.dumps({"items": items}))
PY

timed() { # label, then curl arguments: prints the seconds and checks the answer
  local out
  out=$(curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}' "$@")
  case "${out%% *}" in 200|201) ;; *) echo "failed: $out $(head -c 300 "$WORK/answer.json")" >&2; exit 1 ;; esac
  echo "${out#* }"
}
declare -A best worst
note() { # key seconds
  local k=$1 v=$2
  if [ -z "${best[$k]:-}" ] || python3 -c "import sys; sys.exit(not $v < ${best[$k]})"; then best[$k]=$v; fi
  if [ -z "${worst[$k]:-}" ] || python3 -c "import sys; sys.exit(not $v > ${worst[$k]})"; then worst[$k]=$v; fi
}
for run in $(seq 1 "$RUNS"); do
  TOKEN=$(curl -fs -X POST "$API/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\":\"bench$run@example.com\",\"password\":\"bench-password-123\",\"name\":\"Bench\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  AUTH="Authorization: Bearer $TOKEN"
  note linkedin "$(timed -X POST "$API/v1/imports" -H "$AUTH" --data-binary @"$WORK/Connections.csv")"
  python3 -c "import json; r=json.load(open('$WORK/answer.json')); assert r['created'] == $ROWS, r['created']"
  note again "$(timed -X POST "$API/v1/imports" -H "$AUTH" --data-binary @"$WORK/Connections.csv")"
  python3 -c "import json; r=json.load(open('$WORK/answer.json')); assert r['skipped'] == $ROWS, r['skipped']"
  note update "$(timed -X POST "$API/v1/imports?on_duplicate=update" -H "$AUTH" --data-binary @"$WORK/Connections.csv")"
  TOKEN_V=$(curl -fs -X POST "$API/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\":\"bench-vcard$run@example.com\",\"password\":\"bench-password-123\",\"name\":\"Bench\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  note vcard "$(timed -X POST "$API/v1/imports" -H "Authorization: Bearer $TOKEN_V" --data-binary @"$WORK/contacts.vcf")"
  python3 -c "import json; r=json.load(open('$WORK/answer.json')); assert r['created'] == $ROWS, (r['created'], r['items'][:2])"
  note batch "$(timed -X POST "$API/v1/contacts/batch" -H "$AUTH" -H 'content-type: application/json' --data-binary @"$WORK/batch.json")"
  python3 -c "import json; r=json.load(open('$WORK/answer.json')); assert r['created'] == 500, r"
  note batch_again "$(timed -X POST "$API/v1/contacts/batch" -H "$AUTH" -H 'content-type: application/json' --data-binary @"$WORK/batch.json")"
  python3 -c "import json; r=json.load(open('$WORK/answer.json')); assert r['unchanged'] == 500, r"
done
ms() { python3 -c "print(round($1 * 1000))"; }
echo "| request (SQLite, release, $RUNS runs) | best ms | worst ms |"
echo "|---|---:|---:|"
echo "| LinkedIn, $ROWS rows, empty account | $(ms "${best[linkedin]}") | $(ms "${worst[linkedin]}") |"
echo "| the same file again (all skipped) | $(ms "${best[again]}") | $(ms "${worst[again]}") |"
echo "| the same file, on_duplicate=update (all unchanged) | $(ms "${best[update]}") | $(ms "${worst[update]}") |"
echo "| vCard 3.0, $ROWS cards, empty account | $(ms "${best[vcard]}") | $(ms "${worst[vcard]}") |"
echo "| batch of 500, all created | $(ms "${best[batch]}") | $(ms "${worst[batch]}") |"
echo "| the same batch again (all unchanged) | $(ms "${best[batch_again]}") | $(ms "${worst[batch_again]}") |"

DUPLICATES=${DUPLICATES:-100000}
if [ "$DUPLICATES" -gt 0 ]; then
  kill $SERVER; wait $SERVER 2>/dev/null || true
  export KITH_DATABASE_URL="sqlite://$WORK/duplicates.db"
  "$BIN" seed --contacts "$DUPLICATES" --interactions 0 --ledger 0 --relationships 0 --no-second-user >/dev/null
  "$BIN" serve >"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
  TOKEN=$(curl -fs -X POST "$API/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-123"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  AUTH="Authorization: Bearer $TOKEN"
  # 200 seeded contacts again under another name, with the same email.
  curl -fs "$API/v1/contacts?limit=200&sort=-created_at" -H "$AUTH" | python3 -c '
import json, sys
page = json.load(sys.stdin)["items"]
items = [{"match": f"crm:dup{n}", "contact": {"display_name": "Copy of " + c["display_name"],
          "emails": [{"address": c["emails"][0]["address"].upper()}]}} for n, c in enumerate(page)]
print(json.dumps({"items": items}))' >"$WORK/copies.json"
  timed -X POST "$API/v1/contacts/batch" -H "$AUTH" -H 'content-type: application/json' --data-binary @"$WORK/copies.json" >/dev/null
  for run in $(seq 1 "$RUNS"); do
    note duplicates "$(timed "$API/v1/contacts/duplicates?limit=200" -H "$AUTH")"
    python3 -c "import json; r=json.load(open('$WORK/answer.json')); n=len(r['items']); assert n == 200, n"
  done
  echo "| duplicates over $DUPLICATES contacts (200 groups, limit=200) | $(ms "${best[duplicates]}") | $(ms "${worst[duplicates]}") |"
fi
echo
echo "- $(nproc) cores; kith $(git rev-parse --short HEAD)"
