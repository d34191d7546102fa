"""API latency under load: wrk (Debian's package) with 50 connections against `hqd serve` on the
10,000-document store that bench_store.py leaves in bench-out/bench.db, with the response cache off
(`hqd serve --no-cache`: every request does its work) and on, printed side by side. The goal with the
cache off: p95 under 100 ms and no errors for each endpoint. Prints figures; asserts nothing.

The machine may be small and shared, so beside each figure it prints the CPU the load generator (wrk) and
the server used, in cores (1.0 = one core busy the whole run), and the load average: a server that cannot get
the CPU it needs shows up as latency that is not its own.

Environment: HQD_BENCH_ONLY=facts,home runs some endpoints only; HQD_BENCH_MODES=off (or on) one mode only;
HQD_BENCH_DURATION (10s), HQD_BENCH_CONNECTIONS (50), HQD_BENCH_WORKERS (2 server processes)."""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

DB = Path(os.environ.get("HQD_BENCH_DB", Path(__file__).resolve().parent.parent / "bench-out" / "bench.db"))
CONNECTIONS = int(os.environ.get("HQD_BENCH_CONNECTIONS", "50"))
DURATION = os.environ.get("HQD_BENCH_DURATION", "10s")
WORKERS = int(os.environ.get("HQD_BENCH_WORKERS", "2"))
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f requests=%d errors=%d rps=%.0f\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
end
"""

GOAL_MS = 100
ENDPOINTS = (("facts", "/api/v1/facts?district=Jiading&metric=revenue&limit=50"),
             ("compare", "/api/v1/compare/gdp?kind=change"),
             ("search", "/api/v1/search?q=revenue&limit=20"),
             ("document", "/documents/5000"),
             ("home", "/"),
             ("targets", "/targets"))  # not one of the five, measured beside them
ONLY = [n for n in os.environ.get("HQD_BENCH_ONLY", "").split(",") if n]
MODES = {"off": False, "on": True}
CHOSEN_MODES = [MODES[m] for m in os.environ.get("HQD_BENCH_MODES", "off,on").split(",") if m]


def main() -> None:
    if not DB.exists():
        sys.exit(f"{DB} is missing: run bench/bench_store.py first (make bench does)")
    wrk = shutil.which("wrk")
    if not wrk:
        print("API benchmark skipped: the load generator wrk is not installed (apt-get install wrk)")
        return
    endpoints = [(n, p) for n, p in ENDPOINTS if not ONLY or n in ONLY]
    results = {cached: run(wrk, cached, endpoints) for cached in CHOSEN_MODES}
    print(f"\n{'endpoint':9s} " + "   ".join(f"{'cache ' + ('on' if c else 'off') + ': p50 / p95 / p99 ms, req/s, errors, CPU wrk/server':>72s}"
                                            for c in CHOSEN_MODES))
    for name, _ in endpoints:
        row = []
        for cached in CHOSEN_MODES:
            r = results[cached].get(name, {})
            row.append(f"{r.get('p50_ms', '?'):>6} / {r.get('p95_ms', '?'):>6} / {r.get('p99_ms', '?'):>6}, {r.get('rps', '?'):>5}/s, "
                       f"{r.get('errors', '?'):>3} err, CPU {r.get('wrk_cpu', '?'):>4}/{r.get('server_cpu', '?'):>4}, load {r.get('load', '?'):>4}")
        verdict = ""
        if False in results:
            off = results[False].get(name, {})
            verdict = "ok" if float(off.get("p95_ms", "inf")) < GOAL_MS and off.get("errors") == "0" else f"MISSES {GOAL_MS} ms"
        print(f"{name:9s} " + "   ".join(f"{cell:>72s}" for cell in row) + f"   {verdict}")
    print("CPU: cores used on average during the run by the load generator (wrk) and by the server's processes; "
          f"this machine has {os.cpu_count()}")
    print(cold_views())


def cold_views() -> str:
    """What the views computed once per database version (hqd.analysis.memo) cost the first request after a write:
    the figures above are for the requests after it."""
    from hqd.analysis import comparison, memo, target_rows
    from hqd.analysis.coverage import district_summaries, indicator_coverage
    from hqd.analysis.views import district_view, overview
    from hqd.store import Store, open_store
    from hqd.store.queries import count_facts

    conn = Store(open_store(DB))
    took = {}
    for name, compute in (("home page's overview", lambda: overview(conn)), ("judged targets", lambda: target_rows(conn)),
                          ("indicator coverage", lambda: indicator_coverage(conn)), ("districts", lambda: district_summaries(conn)),
                          ("a district page", lambda: district_view(conn, "Jiading")),
                          ("facts' total", lambda: count_facts(conn, district="Jiading", metric="revenue")),
                          ("compare's rows", lambda: comparison(conn, "gdp", measure="change", raw_sources=True)),
                          ("search's breadth", lambda: _search_breadth(conn, "revenue"))):
        memo.forget()
        started = time.process_time()
        compute()
        took[name] = (time.process_time() - started) * 1e3
    conn.close()
    return ("computed once per database version, so paid by the first request after any write (and the last three by the "
            "first request with those parameters; the load above repeats one): "
            + ", ".join(f"{name} {ms:.1f} ms CPU" for name, ms in took.items()))


def _search_breadth(conn, words: str) -> None:
    from hqd.store import fts
    from hqd.store.queries import RANKED_MATCHES
    conn.conn.execute("SELECT count(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)",
                      (fts.compile_words(conn.conn, fts.parse(words)), RANKED_MATCHES + 1)).fetchone()


def _tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of a process and its live children (uvicorn's workers), from /proc; 0 elsewhere."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children")
                if children.exists():
                    pids += [int(c) for c in children.read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def run(wrk: str, cached: bool, endpoints) -> dict[str, dict[str, str]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "hqd.cli", "serve", "--db", str(DB), "--port", str(port), "--workers", str(WORKERS)]
    server = subprocess.Popen(args + ([] if cached else ["--no-cache"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # start-up on a busy machine can take a while
            try:
                urllib.request.urlopen(base + "/api/v1/documents?limit=1", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        script = DB.parent / "p95.lua"
        script.write_text(LUA)
        documents = urllib.request.urlopen(base + "/api/v1/documents?limit=1").read()
        print(f"API benchmark ({'response cache on' if cached else 'no cache: every request queries SQLite'}): "
              f"{CONNECTIONS} connections, {DURATION} each, {WORKERS} server workers, store {DB} ({len(documents)} bytes probe)")
        results = {}
        for name, path in endpoints:
            for _ in range(2 * WORKERS):  # warm each worker: its first request opens its connection
                urllib.request.urlopen(base + path, timeout=30).read()
            wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            server_before = _tree_cpu_seconds(server.pid)
            started = time.perf_counter()
            out = subprocess.run([wrk, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "5s", "-s", str(script), base + path],
                                 capture_output=True, text=True, check=True).stdout
            wall = time.perf_counter() - started
            wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            server_cpu = (_tree_cpu_seconds(server.pid) - server_before) / wall
            wrk_cpu = (wrk_after.ru_utime + wrk_after.ru_stime - wrk_before.ru_utime - wrk_before.ru_stime) / wall
            result = next(line for line in out.splitlines() if line.startswith("RESULT"))
            load = os.getloadavg()[0]  # the machine is shared: the figures mean little without it
            results[name] = dict(item.split("=") for item in result[len("RESULT "):].split())
            per_request = server_cpu / max(float(results[name]["rps"]), 1e-9) * 1e3  # the server's CPU ms per request, HTTP included
            print(f"{name:8s} {path}: {result[len('RESULT '):]} CPU wrk={wrk_cpu:.2f} server={server_cpu:.2f} "
                  f"({per_request:.2f} ms a request) load={load:.1f}")
            results[name].update(load=f"{load:.1f}", wrk_cpu=f"{wrk_cpu:.2f}", server_cpu=f"{server_cpu:.2f}")
        return results
    finally:
        server.terminate()  # uvicorn drains open connections first; after a load test that can take a while
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
