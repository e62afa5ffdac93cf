"""Reads oha's JSON report on stdin; prints "rps p50_ms p99_ms errors".

rps counts 2xx answers only; errors are non-2xx answers plus transport errors
(but the requests oha cuts off at the end of the run).
"""
import json
import sys

d = json.load(sys.stdin)
s = d["summary"]
p = d.get("latencyPercentiles") or {}
codes = d.get("statusCodeDistribution") or {}
errors = sum(n for c, n in codes.items() if not c.startswith("2"))
# Requests still in flight when the run's time is up are cut off by oha
# itself ("aborted due to deadline"): not failures of the server.
errors += sum(n for e, n in (d.get("errorDistribution") or {}).items() if "deadline" not in e)
ok = sum(n for c, n in codes.items() if c.startswith("2"))
rps = ok / s["total"] if s.get("total") else 0
p50 = (p.get("p50") or 0) * 1000
p99 = (p.get("p99") or 0) * 1000
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {errors}")
