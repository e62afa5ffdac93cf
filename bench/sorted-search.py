#!/usr/bin/env python3
"""One client's time for searches: each query by each sort, or at each URL.

Against a running kith holding `bench/search.sh`'s seed (100,000 contacts
of bench@example.com): each URL is asked REPS times over one keep-alive
connection after one warm-up, and its best and median times (ms) printed,
with the page's length. docs/BENCHMARKS.md, "Search", sessions 35 and 36.

    API=http://127.0.0.1:18080 TOKEN=… bench/sorted-search.py
    QUERIES='lima,no' SORTS='-created_at,name' REPS=7 bench/sorted-search.py

URLS, `|`-separated, each with `{q}` where the query goes, takes the place
of the sorts (session 36's queries many rows match, on `/v1/search`):

    QUERIES='a,z,pricing page' URLS='/v1/search?q={q}|/v1/search?q={q}&types=interaction' \
        bench/sorted-search.py
"""
import http.client
import json
import os
import time
from urllib.parse import quote, urlsplit

api = urlsplit(os.environ.get("API", "http://127.0.0.1:18080"))
token = os.environ["TOKEN"]
queries = os.environ.get(
    "QUERIES", "lima,no,ana,a,company 0007,conference 17,sara.kim,ana lima 12"
).split(",")
sorts = os.environ.get(
    "SORTS", "name,-name,-created_at,last_interaction_at,-next_due_at"
).split(",")
reps = int(os.environ.get("REPS", "7"))
urls = os.environ.get("URLS", "").split("|") if os.environ.get("URLS") else [
    "/v1/contacts?q={q}&sort=" + quote(s) + "&limit=50" for s in sorts
]
columns = [u.replace("{q}", "…") for u in urls] if os.environ.get("URLS") else sorts

conn = http.client.HTTPConnection(api.hostname, api.port)


def ask(path):
    start = time.perf_counter()
    conn.request("GET", path, headers={"authorization": f"Bearer {token}"})
    res = conn.getresponse()
    body = res.read()
    took = time.perf_counter() - start
    if res.status != 200:
        raise SystemExit(f"{path}: {res.status} {body[:200]!r}")
    return took, len(json.loads(body)["items"])


print("| query (ms: best / median, page) | " + " | ".join(f"`{c}`" for c in columns) + " |")
print("|---|" + "---:|" * len(columns))
for q in queries:
    cells = []
    for url in urls:
        path = url.replace("{q}", quote(q))
        ask(path)
        times = sorted(ask(path)[0] for _ in range(reps))
        _, n = ask(path)
        cells.append(f"{times[0] * 1000:.1f} / {times[len(times) // 2] * 1000:.1f} ({n})")
    print(f"| `{q}` | " + " | ".join(cells) + " |", flush=True)
