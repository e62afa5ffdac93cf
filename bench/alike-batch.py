#!/usr/bin/env python3
"""Adds a batch of contacts named alike, as an import of one source would.

Against a running kith holding `bench/search.sh`'s seed: COUNT contacts
(default 57,000) named `NAME 1` … `NAME COUNT` (default `Bench Person`)
are created for the token's user through `POST /v1/contacts/batch`, 500
a request, over one keep-alive connection. The seed draws names at
random, so its searches never meet a query whose matches all lie at one
end of an order; with the batch they do (`bench` or `person` by name, by
`created_at`, by relevance). docs/BENCHMARKS.md, "Search", session 40.

    API=http://127.0.0.1:18080 TOKEN=… bench/alike-batch.py
    QUERIES='bench,person,ana' URLS='/v1/contacts?q={q}&limit=50&sort=created_at' \\
        bench/sorted-search.py
"""
import http.client
import json
import os
import time
from urllib.parse import urlsplit

api = urlsplit(os.environ.get("API", "http://127.0.0.1:18080"))
token = os.environ["TOKEN"]
count = int(os.environ.get("COUNT", "57000"))
name = os.environ.get("NAME", "Bench Person")

conn = http.client.HTTPConnection(api.hostname, api.port)
headers = {"authorization": "Bearer " + token, "content-type": "application/json"}
start = time.perf_counter()
for first in range(1, count + 1, 500):
    items = [
        {"contact": {"display_name": f"{name} {i}", "company": "Bench", "tags": ["tag01"]}}
        for i in range(first, min(first + 500, count + 1))
    ]
    conn.request("POST", "/v1/contacts/batch", json.dumps({"items": items}), headers)
    res = conn.getresponse()
    body = res.read()
    if res.status != 200:
        raise SystemExit(f"batch at {first}: {res.status} {body[:300]!r}")
print(f"{count} contacts named {name!r} in {time.perf_counter() - start:.1f} s")
