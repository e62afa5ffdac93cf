#!/usr/bin/env python3
"""One client's time for the same searches on two servers, alternated.

Two kith binaries, each its own server on the same seeded database
(`bench/search.sh`'s seed), asked in turn: ROUNDS rounds, each REPS
requests to A then REPS to B, over one keep-alive connection each, after
one warm-up; the best and median time (ms) of each side. Alternating
keeps a machine's drift out of the comparison. docs/BENCHMARKS.md,
"Search", session 38.

    API_A=http://127.0.0.1:18101 TOKEN_A=… API_B=http://127.0.0.1:18102 TOKEN_B=… \\
        bench/alternate.py ima mar 'a l'
    URL='/v1/contacts?q={q}&limit=50&sort=-created_at' bench/alternate.py ima

URL (default `/v1/contacts?q={q}&limit=50`) takes each query where `{q}` is.
"""
import http.client
import os
import statistics
import sys
import time
from urllib.parse import quote, urlsplit

url = os.environ.get("URL", "/v1/contacts?q={q}&limit=50")
reps, rounds = int(os.environ.get("REPS", "5")), int(os.environ.get("ROUNDS", "4"))
sides = []
for side in "AB":
    api = urlsplit(os.environ[f"API_{side}"])
    conn = http.client.HTTPConnection(api.hostname, api.port)
    sides.append((conn, {"authorization": "Bearer " + os.environ[f"TOKEN_{side}"]}))


def once(side, q):
    conn, headers = side
    start = time.perf_counter()
    conn.request("GET", url.replace("{q}", quote(q)), headers=headers)
    res = conn.getresponse()
    res.read()
    if res.status != 200:
        sys.exit(f"{q}: {res.status}")
    return (time.perf_counter() - start) * 1000


print("| query (ms: best / median) | A | B |")
print("|---|---:|---:|")
for q in sys.argv[1:]:
    times = [[], []]
    for side in sides:
        once(side, q)
    for _ in range(rounds):
        for n, side in enumerate(sides):
            times[n] += [once(side, q) for _ in range(reps)]
    cells = [f"{min(t):.1f} / {statistics.median(t):.1f}" for t in times]
    print(f"| `{q}` | {cells[0]} | {cells[1]} |")
