"""Nagle's algorithm is off on every connection the server accepts, the way uvicorn binds its socket for --workers."""

from __future__ import annotations

import asyncio
import collections
import http.client
import os
import socket
import statistics
import sys
import time

import pytest

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.web.protocol import no_delay

from .live import live_server


def _accepted_nodelay(fix: bool) -> int:
    """TCP_NODELAY of a connection accepted from a socket bound as uvicorn binds one for several workers
    (``socket.socket(family)``: proto 0, so asyncio leaves Nagle on)."""

    async def main() -> int:
        listener = socket.socket(family=socket.AF_INET)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        seen: asyncio.Future = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport) -> None:
                if fix:
                    no_delay(transport)
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        value = await asyncio.wait_for(seen, 10)
        writer.close()
        server.close()
        return value

    return asyncio.run(main())


def test_a_socket_bound_for_workers_leaves_nagle_on_and_no_delay_turns_it_off():
    assert _accepted_nodelay(fix=False) == 0  # the fault the protocol works around (if asyncio fixes it, this says so)
    assert _accepted_nodelay(fix=True) != 0


def test_with_two_workers_a_kept_alive_connection_is_not_held_by_delayed_acks(tmp_path, seed_texts):
    """With Nagle on, each response's body waits for the client's delayed ACK of its head: 40 ms a request."""
    db = tmp_path / "hqd.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(seed_texts[0])], jobs=1, quiet=True)
    conn.close()
    with live_server(db, "--workers", "2") as server:
        client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        took = []
        for _ in range(25):  # cached after the first: each answer is a head and a body, written apart
            started = time.perf_counter()
            client.request("GET", "/api/v1/documents?limit=1")
            response = client.getresponse()
            assert response.status == 200 and response.read()
            took.append(time.perf_counter() - started)
        client.close()
    assert statistics.median(took) < 0.030, took


def _sockets_on(port: int, state: str) -> dict[int, int]:
    """socket inode -> pid of the process holding it, for this machine's TCP sockets on ``port`` in ``state`` ('0A' listening,
    '01' established), from /proc."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
                    inodes.add(int(fields[9]))
    owners = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:[") and int(target[8:-1]) in inodes:
                    owners[int(target[8:-1])] = int(pid)
        except OSError:
            continue
    return owners


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT spreads connections on Linux; reads /proc")
def test_with_two_workers_each_listens_on_its_own_socket_and_new_connections_are_spread(tmp_path, seed_texts):
    """uvicorn's one shared socket let the first worker to wake take a burst of connections (42 of 50 under wrk)."""
    db = tmp_path / "hqd.db"
    conn = open_store(db, write=True)
    ingest_paths(conn, str(db), [str(seed_texts[0])], jobs=1, quiet=True)
    conn.close()
    with live_server(db, "--workers", "2") as server:
        deadline = time.monotonic() + 60  # the server answers once one worker is up
        while len(listening := _sockets_on(server.port, "0A")) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(listening) == 2 and len(set(listening.values())) == 2  # a socket in each worker
        clients = [socket.create_connection(("127.0.0.1", server.port), timeout=30) for _ in range(20)]
        try:
            for client in clients:  # answered: each connection was accepted by a worker
                client.sendall(b"GET /api/v1/documents?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")
                assert client.recv(12).startswith(b"HTTP/1.1 200")
            held = _sockets_on(server.port, "01")  # the server's ends (and the clients', held by this test)
            by_worker = collections.Counter(pid for pid in held.values() if pid in set(listening.values()))
            assert sum(by_worker.values()) == 20 and min(by_worker.values()) >= 3, by_worker  # 2 in a million: fewer than 3
        finally:
            for client in clients:
                client.close()
