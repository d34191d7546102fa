"""The real server for tests: `hqd serve` (uvicorn) in its own process on 127.0.0.1 and a free port."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Live:
    def __init__(self, port: int, process: subprocess.Popen, log: Path) -> None:
        self.port, self.process, self.log = port, process, log
        self.base = f"http://127.0.0.1:{port}"

    def request(self, method: str, target: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 60) -> tuple[int, dict, bytes]:
        """One request with ``target`` sent byte for byte (already percent-encoded); (status, headers, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.putrequest(method, target, skip_host=any(k.lower() == "host" for k in headers or {}), skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def extraction_processes(self) -> list[int]:
        """Ids of the server's living child processes that run an upload's extraction (not multiprocessing's
        resource tracker)."""
        found = []
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                pids = [int(pid) for pid in (task / "children").read_text().split()]
            except OSError:
                continue
            for pid in pids:
                try:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
                except OSError:
                    continue
                if b"resource_tracker" not in cmdline and state != "Z":
                    found.append(pid)
        return found


@contextmanager
def live_server(db: Path, *options: str, ready_timeout: float = 120):
    port = free_port()
    log = Path(str(db) + f".{port}.log")
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "hqd.cli", "serve", "--db", str(db), "--port", str(port), *options],
                                   stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = Live(port, process, log)
    try:
        deadline = time.monotonic() + ready_timeout
        while True:
            try:
                if server.request("GET", "/api/v1/overview", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"hqd serve did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
