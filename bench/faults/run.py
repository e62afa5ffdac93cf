#!/usr/bin/env python3
"""kith's fault suite: the real binary under the faults production meets.

    bench/faults/run.py KITH_BIN [--rounds N] [--pg-port P] [--only NAME]

Scenarios (each prints what it checked and exits 1 on the first failure):

  kill9      SQLite, writers with Idempotency-Keys, `kill -9` mid-load, N
             rounds: every acknowledged contact is there after the restart,
             `PRAGMA integrity_check` is ok, every key that was in flight
             answers (a replay, a fresh run, or `idempotency_answer_lost`)
             once its lease has run out, and no key made two contacts.
  sigterm    SQLite, writers on keep-alive connections, `SIGTERM` mid-load:
             every acknowledged write is there, no request was carried out
             without its answer, and no connection was reset or cut short
             (new ones are refused once the listener shuts: nothing sent).
  pg-outage  PostgreSQL stopped under load and started again: while it is
             down every answer is `503` with `Retry-After` (never `500`),
             and kith serves again without being restarted.
  bursts     two kith processes on one PostgreSQL: parallel bursts of
             failed logins, registrations and wrong passwords for one
             account never let more than the limit through.
  refresh    two kith processes on one PostgreSQL: one refresh token
             presented to both at once (two devices, two tabs) gets one
             successor, not a revoked session; presented again after the
             grace, it revokes its family (a stolen token replayed).
  backup     the backups of docs/OPERATIONS.md restore what was backed up:
             SQLite's online backup taken while kith serves, and pg_dump /
             pg_restore; a kith on the restored copy exports the same
             account, record for record.

Traffic goes to 127.0.0.1 only; every scenario is bounded in requests and
time. Standard library only.
"""

import argparse
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SECRET = "faults-secret-faults-secret-faults-secret-00"
PG_BIN = "/usr/lib/postgresql/15/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Kith:
    """One kith process."""

    def __init__(self, binary, url, work, **env):
        self.binary, self.url, self.work = binary, url, work
        self.port = free_port()
        self.env = dict(
            os.environ,
            KITH_DATABASE_URL=url,
            KITH_LISTEN=f"127.0.0.1:{self.port}",
            KITH_JWT_SECRET=SECRET,
            KITH_DATA_DIR=work,
            RUST_LOG="warn",
            **{k: str(v) for k, v in env.items()},
        )
        self.proc = None

    def start(self):
        log = open(os.path.join(self.work, f"kith-{self.port}.log"), "ab")
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=log, stderr=log)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if request(self.port, "GET", "/readyz", timeout=1)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("kith did not become ready")

    def signal(self, sig):
        self.proc.send_signal(sig)
        self.proc.wait(timeout=30)


def request(port, method, path, body=None, token=None, headers=None, timeout=10, conn=None):
    """(status, headers, json or None). A fresh connection unless `conn`."""
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    h = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["content-type"] = "application/json"
    if token:
        h["authorization"] = f"Bearer {token}"
    try:
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        raw = r.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return r.status, dict(r.getheaders()), parsed
    finally:
        if own:
            c.close()


def register(port, email="faults@example.com", password="faults-password-1"):
    status, _, body = request(
        port, "POST", "/v1/auth/register",
        {"email": email, "password": password, "name": "Faults"},
    )
    if status != 201:
        raise RuntimeError(f"register: {status} {body}")
    return body["access_token"]


def login(port, email="faults@example.com", password="faults-password-1"):
    status, _, body = request(port, "POST", "/v1/auth/login", {"email": email, "password": password})
    if status != 200:
        raise RuntimeError(f"login: {status} {body}")
    return body["access_token"]


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        sys.exit(1)


def writers(port, token, n_threads, stop, keyed, keep_alive=False):
    """Writers creating contacts with unique names until `stop`; returns
    (acknowledged {name: id}, in flight {key: name}, errors by kind)."""
    acked, in_flight, errors = {}, {}, {}
    lock = threading.Lock()

    def run(t):
        conn = None
        i = 0
        while not stop.is_set():
            i += 1
            name = f"w{t}-{i}-{random.randrange(1 << 30)}"
            key = f"k-{name}"
            headers = {"idempotency-key": key} if keyed else {}
            with lock:
                in_flight[key] = name
            try:
                if keep_alive and conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                status, _, body = request(
                    port, "POST", "/v1/contacts", {"display_name": name},
                    token=token, headers=headers, conn=conn,
                )
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                conn = None
                if stop.is_set():
                    return
                time.sleep(0.01)
                continue
            with lock:
                if status == 201:
                    acked[name] = body["id"]
                    del in_flight[key]
                elif status in (503, 429):
                    pass  # not acknowledged; may still be in flight
                else:
                    errors[str(status)] = errors.get(str(status), 0) + 1

    threads = [threading.Thread(target=run, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    return threads, acked, in_flight, errors


def names_of(port, token):
    """Every contact's display name, with its count."""
    seen, cursor = {}, None
    while True:
        path = "/v1/contacts?limit=200" + (f"&cursor={cursor}" if cursor else "")
        status, _, body = request(port, "GET", path, token=token)
        assert status == 200, (status, body)
        for c in body["items"]:
            seen[c["display_name"]] = seen.get(c["display_name"], 0) + 1
        cursor = body["next_cursor"]
        if not cursor:
            return seen


def kill9(binary, rounds):
    print(f"kill -9 under writers on SQLite, {rounds} rounds", flush=True)
    work = tempfile.mkdtemp(prefix="kith-faults-")
    db = os.path.join(work, "kith.db")
    kith = Kith(binary, f"sqlite://{db}", work, KITH_IDEMPOTENCY_LEASE_SECS=2).start()
    token = register(kith.port)
    all_acked = {}
    for r in range(rounds):
        stop = threading.Event()
        threads, acked, in_flight, errors = writers(kith.port, token, 16, stop, keyed=True)
        time.sleep(random.uniform(0.3, 1.0))
        kith.signal(signal.SIGKILL)
        stop.set()
        for t in threads:
            t.join()
        all_acked.update(acked)
        with sqlite3.connect(db) as c:
            integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
        kith.start()
        token = login(kith.port)
        seen = names_of(kith.port, token)
        lost = [n for n in all_acked if n not in seen]
        # Every key in flight answers once its lease (2 s) has run out.
        time.sleep(2.2)
        stuck, outcomes = [], {}
        for key, name in in_flight.items():
            status, _, body = request(
                kith.port, "POST", "/v1/contacts", {"display_name": name},
                token=token, headers={"idempotency-key": key},
            )
            code = (body or {}).get("code", "") if status >= 400 else ""
            outcomes[f"{status} {code}".strip()] = outcomes.get(f"{status} {code}".strip(), 0) + 1
            if status not in (201, 409) or code == "idempotency_in_progress":
                stuck.append((key, status, code))
        seen = names_of(kith.port, token)
        twice = [n for n in in_flight.values() if seen.get(n, 0) > 1]
        print(f"  round {r + 1}: {len(acked)} acknowledged, {len(in_flight)} in flight "
              f"({outcomes}), client errors {errors}", flush=True)
        check(not lost, f"round {r + 1}: all {len(all_acked)} acknowledged contacts present")
        check(integrity == "ok", f"round {r + 1}: PRAGMA integrity_check = {integrity}")
        check(not stuck, f"round {r + 1}: no idempotency key stuck {stuck[:3]}")
        check(not twice, f"round {r + 1}: no key made two contacts {twice[:3]}")
        check(not [k for k in errors if k.startswith("5") and k != "503"],
              f"round {r + 1}: no 5xx but 503 while serving")
    kith.signal(signal.SIGTERM)


def sigterm(binary, rounds):
    print(f"SIGTERM under writers on SQLite, {rounds} rounds", flush=True)
    work = tempfile.mkdtemp(prefix="kith-faults-")
    db = os.path.join(work, "kith.db")
    kith = Kith(binary, f"sqlite://{db}", work).start()
    token = register(kith.port)
    for r in range(rounds):
        stop = threading.Event()
        threads, acked, in_flight, errors = writers(kith.port, token, 16, stop, keyed=True, keep_alive=True)
        time.sleep(random.uniform(0.3, 1.0))
        kith.signal(signal.SIGTERM)
        exit_code = kith.proc.returncode
        stop.set()
        for t in threads:
            t.join()
        kith.start()
        token = login(kith.port)
        seen = names_of(kith.port, token)
        lost = [n for n in acked if n not in seen]
        # A request whose work committed but whose answer never came.
        unanswered = [n for n in in_flight.values() if n in seen]
        print(f"  round {r + 1}: {len(acked)} acknowledged, {len(in_flight)} not acknowledged, "
              f"client errors {errors}, exit code {exit_code}", flush=True)
        check(exit_code == 0, f"round {r + 1}: kith exited cleanly")
        check(not lost, f"round {r + 1}: all {len(acked)} acknowledged contacts present")
        check(not unanswered, f"round {r + 1}: no request carried out without its answer {unanswered[:3]}")
        # A refused connection carried nothing; a reset one may have.
        resets = {k: n for k, n in errors.items() if k != "ConnectionRefusedError"}
        check(not resets, f"round {r + 1}: no connection reset or cut short {resets}")
    kith.signal(signal.SIGTERM)


def pg(port, *args, check_rc=True):
    data = f"/tmp/kith-pg-{port}"
    cmd = [f"{PG_BIN}/pg_ctl", "-D", data, *args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=check_rc, capture_output=True)


def pg_database(admin_url, name):
    base = admin_url.rsplit("/", 1)[0]
    subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True, capture_output=True)
    subprocess.run(["psql", admin_url, "-qc", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return f"{base}/{name}"


STARTED = {}


def bindable(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def start_pg(pg_port):
    """A PostgreSQL of the suite's own, on `pg_port` or the next free port
    after it (the ports are in the kernel's ephemeral range: under load a
    client connection may hold one). Returns its admin URL."""
    if pg_port in STARTED:
        return STARTED[pg_port]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for port in range(pg_port, pg_port + 20):
        running = pg(port, "status", check_rc=False).returncode == 0
        if not running and not bindable(port):
            continue
        out = subprocess.run([os.path.join(root, ".ci/start-postgres")], capture_output=True,
                             text=True, env=dict(os.environ, PGPORT=str(port)))
        if out.returncode == 0:
            STARTED[pg_port] = out.stdout.strip()
            STARTED[f"port:{pg_port}"] = port
            return STARTED[pg_port]
    raise RuntimeError(f"no PostgreSQL could start on ports {pg_port}–{pg_port + 19}")


def pg_port_of(pg_port):
    return STARTED.get(f"port:{pg_port}", pg_port)


def pg_outage(binary, pg_port):
    print(f"PostgreSQL stopped and started under load (port {pg_port})", flush=True)
    admin = start_pg(pg_port)
    url = pg_database(admin, "kith_faults_outage")
    work = tempfile.mkdtemp(prefix="kith-faults-")
    kith = Kith(binary, url, work, KITH_LOG_FORMAT="json").start()
    token = register(kith.port)
    stop = threading.Event()
    statuses, retry_after = {}, []
    lock = threading.Lock()

    def reader():
        while not stop.is_set():
            try:
                status, headers, _ = request(kith.port, "GET", "/v1/contacts?limit=5", token=token)
            except OSError:
                status, headers = "conn", {}
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 503:
                    retry_after.append(headers.get("retry-after") or headers.get("Retry-After"))
            time.sleep(0.005)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    actual = pg_port_of(pg_port)
    pg(actual, "stop", "-m", "fast", "-w")
    time.sleep(2)
    with lock:
        down = dict(statuses)
    # Its port may be held a moment by a client socket: try again.
    for _ in range(20):
        if pg(actual, "start", "-w", "-l", f"/tmp/kith-pg-{actual}/server.log", check_rc=False).returncode == 0:
            break
        time.sleep(0.5)
    recovered = False
    deadline = time.time() + 20
    while time.time() < deadline and not recovered:
        try:
            recovered = request(kith.port, "GET", "/v1/contacts?limit=5", token=token)[0] == 200
        except OSError:
            pass
        time.sleep(0.1)
    stop.set()
    for t in threads:
        t.join()
    print(f"  answers: {statuses}", flush=True)
    check(503 in down, "requests while PostgreSQL was down answered 503")
    check(all(s in (200, 503) for s in statuses), "no answer but 200 or 503 (no 500, no reset)")
    check(all(r == "1" for r in retry_after), "every 503 carried Retry-After")
    check(recovered, "kith served again without a restart")
    kith.signal(signal.SIGTERM)
    # Every error logged about a request carries its request id, also those
    # logged on the database threads (a batched lookup, a lost connection).
    # Background tasks (webhook deliveries, change waiters) log in a `task`
    # span of their own: about no request.
    with open(os.path.join(work, f"kith-{kith.port}.log")) as log:
        errors = [json.loads(l) for l in log if l.startswith("{") and '"level":"ERROR"' in l]
    errors = [e for e in errors if '"task"' not in json.dumps(e.get("spans", []))
              and '"task"' not in json.dumps(e.get("span", {}))]
    anonymous = [e for e in errors if "request_id" not in json.dumps(e.get("span", {}))
                 and "request_id" not in json.dumps(e.get("spans", []))]
    check(errors and not anonymous,
          f"{len(errors)} errors logged, each with its request id {anonymous[:1]}")


def bursts(binary, pg_port):
    print(f"parallel bursts across two kith processes on one PostgreSQL (port {pg_port})", flush=True)
    admin = start_pg(pg_port)
    url = pg_database(admin, "kith_faults_bursts")
    work = tempfile.mkdtemp(prefix="kith-faults-")
    limits = dict(KITH_RATE_LOGIN_PER_MINUTE=30, KITH_RATE_REGISTER_PER_MINUTE=20,
                  KITH_LOGIN_LOCKOUT_FAILURES=10)
    a = Kith(binary, url, work, **limits).start()
    b = Kith(binary, url, work, **limits).start()
    ports = [a.port, b.port]

    def burst(n, make):
        results = []
        lock = threading.Lock()

        def one(i):
            status = make(ports[i % 2], i)
            with lock:
                results.append(status)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results

    # Registrations from one address: at most 20 pass.
    regs = burst(80, lambda p, i: request(p, "POST", "/v1/auth/register", {
        "email": f"burst{i}@example.com", "password": "burst-password-1", "name": "B"})[0])
    passed = sum(1 for s in regs if s != 429)
    check(passed <= 20, f"registrations: {passed} of 80 passed a limit of 20 ({sorted(set(regs))})")
    # Wrong passwords for one account: at most 10 are checked (401), the rest 429.
    time.sleep(0)  # a new minute is not needed: the lockout has its own bucket
    a2 = Kith(binary, url, work, KITH_RATE_LOGIN_PER_MINUTE=0, KITH_LOGIN_LOCKOUT_FAILURES=10).start()
    b2 = Kith(binary, url, work, KITH_RATE_LOGIN_PER_MINUTE=0, KITH_LOGIN_LOCKOUT_FAILURES=10).start()
    ports[:] = [a2.port, b2.port]
    request(a2.port, "POST", "/v1/auth/register",
            {"email": "victim@example.com", "password": "right-password-1", "name": "V"})
    wrong = burst(60, lambda p, i: request(p, "POST", "/v1/auth/login", {
        "email": "victim@example.com", "password": f"wrong-{i}-password"})[0])
    checked = sum(1 for s in wrong if s == 401)
    check(checked <= 10, f"lockout: {checked} of 60 wrong passwords checked, limit 10 ({sorted(set(wrong))})")
    # Logins from one address: at most 30 pass the per-address limit.
    ports[:] = [a.port, b.port]
    logins = burst(90, lambda p, i: request(p, "POST", "/v1/auth/login", {
        "email": f"nobody{i}@example.com", "password": "whatever-password"})[0])
    passed = sum(1 for s in logins if s != 429)
    check(passed <= 30, f"logins: {passed} of 90 passed a limit of 30 ({sorted(set(logins))})")
    for k in (a, b, a2, b2):
        k.signal(signal.SIGTERM)


def refresh_race(binary, pg_port):
    print(f"parallel refresh across two kith processes on one PostgreSQL (port {pg_port})", flush=True)
    admin = start_pg(pg_port)
    url = pg_database(admin, "kith_faults_refresh")
    work = tempfile.mkdtemp(prefix="kith-faults-")
    grace = dict(KITH_REFRESH_REUSE_GRACE_SECS=2)
    a = Kith(binary, url, work, **grace).start()
    b = Kith(binary, url, work, **grace).start()
    status, _, body = request(a.port, "POST", "/v1/auth/register", {
        "email": "refresh@example.com", "password": "refresh-password-1", "name": "R"})
    assert status == 201, (status, body)
    token = body["refresh_token"]
    answers = []
    lock = threading.Lock()

    def present(port):
        status, _, body = request(port, "POST", "/v1/auth/refresh", {"refresh_token": token})
        with lock:
            answers.append((status, (body or {}).get("refresh_token")))

    for _ in range(3):
        threads = [threading.Thread(target=present, args=(p,)) for p in (a.port, b.port, a.port, b.port)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    successors = {t for s, t in answers if s == 200}
    check(all(s == 200 for s, _ in answers) and len(successors) == 1,
          f"12 parallel presentations across two processes: one successor {sorted(set(s for s, _ in answers))}")
    successor = successors.pop()
    time.sleep(2.5)
    replay = request(b.port, "POST", "/v1/auth/refresh", {"refresh_token": token})[0]
    check(replay == 401, f"after the grace the old token is refused ({replay})")
    revoked = request(a.port, "POST", "/v1/auth/refresh", {"refresh_token": successor})[0]
    check(revoked == 401, f"and its family with it: the successor is revoked ({revoked})")
    for k in (a, b):
        k.signal(signal.SIGTERM)


def export_of(port, token):
    status, _, body = request(port, "GET", "/v1/export", token=token, timeout=60)
    assert status == 200, (status, body)
    body.pop("exported_at", None)
    return body


def backup(binary, pg_port):
    print("backup and restore: SQLite online backup, pg_dump/pg_restore", flush=True)
    work = tempfile.mkdtemp(prefix="kith-faults-")
    db = os.path.join(work, "kith.db")
    kith = Kith(binary, f"sqlite://{db}", work).start()
    token = register(kith.port)
    stop = threading.Event()
    threads, acked, _, _ = writers(kith.port, token, 4, stop, keyed=False)
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    request(kith.port, "POST", "/v1/interactions", {
        "kind": "call", "direction": "outbound", "summary": "backed up",
        "contact_ids": list(acked.values())[:2]}, token=token)
    # Online, while kith serves: SQLite's backup API (what `sqlite3 .backup` runs).
    copy = os.path.join(work, "restored.db")
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    before = export_of(kith.port, token)
    restored = Kith(binary, f"sqlite://{copy}", work).start()
    after = export_of(restored.port, login(restored.port))
    check(len(before["contacts"]) == len(acked) and before == after,
          f"SQLite: the restored copy exports the same account ({len(after['contacts'])} contacts)")
    restored.signal(signal.SIGTERM)
    kith.signal(signal.SIGTERM)

    admin = start_pg(pg_port)
    url = pg_database(admin, "kith_faults_backup")
    kith = Kith(binary, url, work).start()
    token = register(kith.port)
    stop = threading.Event()
    threads, acked, _, _ = writers(kith.port, token, 4, stop, keyed=False)
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    dump = os.path.join(work, "kith.dump")
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", url], check=True, capture_output=True)
    target = pg_database(admin, "kith_faults_restored")
    subprocess.run(["pg_restore", "--no-owner", f"--dbname={target}", dump], check=True, capture_output=True)
    before = export_of(kith.port, token)
    restored = Kith(binary, target, work).start()
    after = export_of(restored.port, login(restored.port))
    check(len(before["contacts"]) == len(acked) and before == after,
          f"PostgreSQL: the restored database exports the same account ({len(after['contacts'])} contacts)")
    restored.signal(signal.SIGTERM)
    kith.signal(signal.SIGTERM)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kith")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--pg-port", type=int, default=54371)
    ap.add_argument("--only")
    a = ap.parse_args()
    binary = os.path.abspath(a.kith)
    random.seed(20261202)
    scenarios = {
        "kill9": lambda: kill9(binary, a.rounds),
        "sigterm": lambda: sigterm(binary, max(3, a.rounds // 3)),
        "pg-outage": lambda: pg_outage(binary, a.pg_port),
        "bursts": lambda: bursts(binary, a.pg_port),
        "refresh": lambda: refresh_race(binary, a.pg_port),
        "backup": lambda: backup(binary, a.pg_port),
    }
    for name, run in scenarios.items():
        if a.only and a.only != name:
            continue
        started = time.time()
        run()
        print(f"  ({name}: {time.time() - started:.1f} s)", flush=True)
    print("fault suite: all held")


if __name__ == "__main__":
    main()
