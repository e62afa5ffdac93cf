#!/usr/bin/env bash
# Capture benchmark (issue: interactions that log themselves). On SQLite,
# with the release build, against a server on 127.0.0.1:
#   - an account with CONTACTS contacts (one email each);
#   - MESSAGES messages (10,000 by default) with three recipients each
#     (two contacts and one address that is not a contact), posted as
#     JSON in batches of 1,000, one after the other: the wall time of all;
#   - then ADDRESSES (100,000 by default) distinct addresses that match
#     no contact, captured in batches of 1,000 messages, and
#     GET /v1/captures/suggestions read ASKS times by one client: p50/p99.
# Prints markdown; never part of `cargo test`.
#
#   bench/captures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS=${CONTACTS:-2000}
MESSAGES=${MESSAGES:-10000}
ADDRESSES=${ADDRESSES:-100000}
ASKS=${ASKS:-200}
PORT=${PORT:-18094}
# KITH_BIN: a binary already built (else the release build, built now).
if [ -z "${KITH_BIN:-}" ]; then cargo build --release --locked -q; fi
BIN=${KITH_BIN:-$PWD/target/release/kith}
WORK=$(mktemp -d)
export KITH_DATABASE_URL="${BENCH_DATABASE_URL:-sqlite://$WORK/bench.db}" KITH_LISTEN=127.0.0.1:$PORT \
  RUST_LOG=warn KITH_JWT_SECRET=bench-secret-bench-secret-bench-secret-0000 KITH_RATE_LOGIN_PER_MINUTE=0 \
  KITH_DATA_DIR=$WORK
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
API=http://127.0.0.1:$PORT
TOKEN=$(curl -fs -X POST "$API/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"email\":\"bench-$RANDOM@example.com\",\"password\":\"bench-password-123\",\"name\":\"Bench\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
AUTH="Authorization: Bearer $TOKEN"
curl -fs -X PUT "$API/v1/me/addresses" -H "$AUTH" -H 'content-type: application/json' \
  -d '{"addresses":["me@bench.example"]}' >/dev/null

python3 - "$CONTACTS" "$MESSAGES" "$ADDRESSES" "$WORK" <<'PY'
import json, random, sys
contacts, messages, addresses, work = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rnd = random.Random(17)
for b in range(0, contacts, 500):
    items = [{"contact": {"display_name": f"Person {n}", "emails": [{"address": f"p{n}@bench.example"}]}}
             for n in range(b, min(b + 500, contacts))]
    json.dump({"items": items}, open(f"{work}/contacts-{b // 500}.json", "w"))
def message(n, to, sender):
    day = 1 + n % 28
    return {"source_id": f"<m{n}@bench.example>", "from": sender, "to": to,
            "date": f"2026-11-{day:02d}T{n % 24:02d}:{n % 60:02d}:00Z", "subject": f"Message {n}"}
def batches(prefix, msgs):
    for b in range(0, len(msgs), 1000):
        json.dump({"messages": msgs[b:b + 1000]}, open(f"{work}/{prefix}-{b // 1000:04d}.json", "w"))
people = [f"p{n}@bench.example" for n in range(contacts)]
strangers = [f"s{n}@elsewhere.example" for n in range(5000)]
msgs = []
for n in range(messages):
    a, b = rnd.sample(people, 2)
    to = [a, b, rnd.choice(strangers)]
    msgs.append(message(n, to, "me@bench.example") if n % 2 else message(n, ["me@bench.example"] + to[1:], a))
batches("messages", msgs)
# The same messages as one mailbox (headers and a line of body each).
with open(f"{work}/mailbox.mbox", "w") as f:
    for n, m in enumerate(msgs):
        f.write(f"From {m['from']} Mon Nov 30 09:15:00 2026\n")
        f.write(f"From: {m['from']}\nTo: {', '.join(m['to'])}\nSubject: {m['subject']}\n")
        f.write(f"Date: Mon, {int(m['date'][8:10])} Nov 2026 {m['date'][11:19]} +0000\n")
        f.write(f"Message-ID: <mbox{n}@bench.example>\n\nHello.\n\n")
batches("addresses", [message(10**7 + n, [f"x{n}@far.example"], "me@bench.example") for n in range(addresses)])
PY
for f in "$WORK"/contacts-*.json; do
  curl -fs -o /dev/null -X POST "$API/v1/contacts/batch" -H "$AUTH" -H 'content-type: application/json' --data-binary @"$f"
done

post_all() { # prefix: posts every batch, one after the other; prints the seconds
  python3 - "$API" "$TOKEN" "$WORK" "$1" <<'PY'
import glob, json, sys, time, urllib.request
api, token, work, prefix = sys.argv[1:]
start = time.perf_counter()
logged = 0
for f in sorted(glob.glob(f"{work}/{prefix}-*.json")):
    req = urllib.request.Request(f"{api}/v1/captures/messages", data=open(f, "rb").read(), method="POST",
                                 headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    with urllib.request.urlopen(req) as res:
        logged += json.load(res)["logged"]
print(f"{time.perf_counter() - start:.3f} {logged}")
PY
}
read -r messages_s logged < <(post_all messages)
[ "$logged" -gt 0 ] || { echo "nothing was logged" >&2; exit 1; }
mbox_s=$(curl -fsS -o "$WORK/mbox.json" -w '%{time_total}' -X POST "$API/v1/captures/messages" \
  -H "$AUTH" -H 'content-type: application/mbox' --data-binary @"$WORK/mailbox.mbox")
mbox_logged=$(python3 -c "import json; print(json.load(open('$WORK/mbox.json'))['logged'])")
read -r addresses_s _ < <(post_all addresses)
read -r p50 p99 count < <(python3 - "$API" "$TOKEN" "$ASKS" <<'PY'
import json, sys, time, urllib.request
api, token, asks = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for n in range(asks):
    min_count = 1 if n % 2 else 2
    req = urllib.request.Request(f"{api}/v1/captures/suggestions?min_count={min_count}",
                                 headers={"authorization": f"Bearer {token}"})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as res:
        items = json.load(res)["items"]
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"{times[len(times) // 2]:.1f} {times[int(len(times) * 0.99) - 1]:.1f} {len(items)}")
PY
)
echo "| captures (${KITH_DATABASE_URL%%:*}, release) | figure |"
echo "|---|---:|"
echo "| $MESSAGES messages × 3 recipients, 10 requests of 1,000, $CONTACTS contacts | $(python3 -c "print(round($messages_s * 1000))") ms ($logged logged) |"
echo "| the same $MESSAGES as one mailbox (application/mbox, one request, new ids) | $(python3 -c "print(round($mbox_s * 1000))") ms ($mbox_logged logged) |"
echo "| $ADDRESSES addresses matching no contact, captured | $(python3 -c "print(round($addresses_s * 1000))") ms |"
echo "| GET /v1/captures/suggestions over them, 1 client, $ASKS asks | p50 $p50 ms, p99 $p99 ms ($count items) |"
echo
echo "- $(nproc) cores; kith $(git rev-parse --short HEAD)"
