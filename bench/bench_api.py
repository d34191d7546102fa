"""API latency under load: wrk (Debian's package) with 50 connections against `hqd serve` on the
10,000-document store that bench_store.py leaves in bench-out/bench.db. Prints figures; asserts nothing."""

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
    for cached in (False, True):
        run(wrk, cached)


def run(wrk: str, cached: bool) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "hqd.cli", "serve", "--db", str(DB), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(args + ([] if cached else ["--no-cache"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
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
        for name, path in (("facts", "/api/v1/facts?district=Jiading&metric=revenue&limit=50"),
                           ("compare", "/api/v1/compare/gdp?kind=change")):
            out = subprocess.run([wrk, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", "-s", str(script), base + path],
                                 capture_output=True, text=True, check=True).stdout
            result = next(line for line in out.splitlines() if line.startswith("RESULT"))
            print(f"{name:8s} {path}: {result[len('RESULT '):]}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
