#!/usr/bin/env bash
# CPU time one request costs kith's process and the database server's
# processes: user + system time from /proc before and after N requests
# (oha, C connections), divided by N. Steadier than a throughput on a
# machine whose speed drifts, and it says which side the time is on.
# Never part of `cargo test`; load goes to the given server on 127.0.0.1.
#
#   API=http://127.0.0.1:18090 TOKEN=<access token> KITH_PID=<pid> \
#     bench/cpu-per-request.sh '/v1/contacts?limit=50' [N=5000] [C=32]
#
# The server's processes are those of the `postgres` user (none on SQLite).
set -euo pipefail
: "${API:?}" "${TOKEN:?}" "${KITH_PID:?}"
PATH_Q=$1
N=${2:-5000}
C=${3:-32}
TICK=$(getconf CLK_TCK)
cpu() { # kith's ticks, the server's ticks
  local k p=0 v
  k=$(awk '{print $14 + $15}' "/proc/$KITH_PID/stat")
  for pid in $(pgrep -u postgres postgres || true); do
    v=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    p=$((p + v))
  done
  echo "$k $p"
}
read -r k0 p0 < <(cpu)
RPS=$(oha -n "$N" -c "$C" --no-tui -H "Authorization: Bearer $TOKEN" "$API$PATH_Q" | awk '/Requests\/sec/ {print $2}')
read -r k1 p1 < <(cpu)
python3 - "$PATH_Q" "$RPS" "$N" "$TICK" "$k0" "$k1" "$p0" "$p1" <<'PY'
import sys
path, rps, n, tick = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
k0, k1, p0, p1 = map(int, sys.argv[5:9])
us = lambda a, b: (b - a) / tick / n * 1e6
print(f"{path}: {rps:.0f} req/s, kith {us(k0, k1):.0f} µs, database server {us(p0, p1):.0f} µs a request")
PY
