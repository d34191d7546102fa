"""API latency under load: wrk (Debian's package) with 50 connections against `hqd serve` on the
10,000-document store that bench_store.py leaves in bench-out/bench.db, with the response cache off
(`hqd serve --no-cache`: every request does its work) and on, printed side by side. The goal with the
cache off: p95 under 100 ms and no errors for each endpoint. Prints figures; asserts nothing."""

from __future__ import annotations

import os
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
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f requests=%d errors=%d rps=%.0f\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
end
"""


def main() -> None:
    if not DB.exists():
        sys.exit(f"{DB} is missing: run bench/bench_store.py first (make bench does)")
    wrk = shutil.which("wrk")
    if not wrk:
        print("API benchmark skipped: the load generator wrk is not installed (apt-get install wrk)")
        return
    results = {cached: run(wrk, cached) for cached in (False, True)}
    print(f"\n{'endpoint':10s} {'cache off: p50 / p95 / p99 ms, req/s, errors, load':>58s}   {'cache on: p50 / p95 / p99 ms, req/s, errors, load':>56s}")
    for name, _ in ENDPOINTS:
        row = []
        for cached in (False, True):
            r = results[cached].get(name, {})
            row.append(f"{r.get('p50_ms', '?'):>6} / {r.get('p95_ms', '?'):>6} / {r.get('p99_ms', '?'):>6}, {r.get('rps', '?'):>5}/s, "
                       f"{r.get('errors', '?'):>3} err, load {r.get('load', '?'):>4}")
        off_p95 = float(results[False].get(name, {}).get("p95_ms", "inf"))
        verdict = "ok" if off_p95 < GOAL_MS and results[False].get(name, {}).get("errors") == "0" else f"MISSES {GOAL_MS} ms"
        print(f"{name:10s} {row[0]:>58s}   {row[1]:>56s}   {verdict}")


GOAL_MS = 100
ENDPOINTS = (("facts", "/api/v1/facts?district=Jiading&metric=revenue&limit=50"),
             ("compare", "/api/v1/compare/gdp?kind=change"),
             ("search", "/api/v1/search?q=revenue&limit=20"),
             ("document", "/documents/5000"),
             ("home", "/"))


def run(wrk: str, cached: bool) -> dict[str, dict[str, str]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "hqd.cli", "serve", "--db", str(DB), "--port", str(port), "--workers", "2"]
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
              f"{CONNECTIONS} connections, {DURATION} each, 2 server workers, store {DB} ({len(documents)} bytes probe)")
        results = {}
        for name, path in ENDPOINTS:
            urllib.request.urlopen(base + path, timeout=30).read()  # warm: the first request opens the connection
            out = subprocess.run([wrk, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "--timeout", "5s", "-s", str(script), base + path],
                                 capture_output=True, text=True, check=True).stdout
            result = next(line for line in out.splitlines() if line.startswith("RESULT"))
            load = os.getloadavg()[0]  # the machine is shared: the figures mean little without it
            print(f"{name:8s} {path}: {result[len('RESULT '):]} load={load:.1f}")
            results[name] = dict(item.split("=") for item in result[len("RESULT "):].split())
            results[name]["load"] = f"{load:.1f}"
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
