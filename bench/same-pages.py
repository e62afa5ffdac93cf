#!/usr/bin/env python3
"""Whether two servers answer a search with the same pages.

Each query's pages (following `next_cursor`, up to PAGES) from two kith
servers on the same seeded database, compared item by item (type and
id): a change to how a search reads must not change what it answers.
Exits 1 if any differ. docs/BENCHMARKS.md, "Search", session 38.

    API_A=… TOKEN_A=… API_B=… TOKEN_B=… bench/same-pages.py 'pricing page #5' ima
    URL='/v1/contacts?q={q}&limit=50&sort=name' PAGES=4 bench/same-pages.py ima

URL (default `/v1/search?q={q}`) takes each query where `{q}` is.
"""
import http.client
import json
import os
import sys
from urllib.parse import quote, urlsplit

url = os.environ.get("URL", "/v1/search?q={q}")
pages = int(os.environ.get("PAGES", "6"))


def every_page(side, q):
    api = urlsplit(os.environ[f"API_{side}"])
    conn = http.client.HTTPConnection(api.hostname, api.port)
    headers = {"authorization": "Bearer " + os.environ[f"TOKEN_{side}"]}
    items, cursor = [], None
    for _ in range(pages):
        path = url.replace("{q}", quote(q)) + (f"&cursor={quote(cursor)}" if cursor else "")
        conn.request("GET", path, headers=headers)
        res = conn.getresponse()
        body = json.loads(res.read())
        if res.status != 200:
            return ("status", res.status)
        items += [(item.get("type"), item["id"]) for item in body["items"]]
        cursor = body.get("next_cursor")
        if not cursor:
            break
    return items


differ = 0
for q in sys.argv[1:]:
    a, b = every_page("A", q), every_page("B", q)
    print(f"{q!r:24} {'same' if a == b else 'DIFFERENT'} ({len(a)} items)")
    differ += a != b
sys.exit(1 if differ else 0)
