"""Nagle's algorithm is off on every connection the server accepts, the way uvicorn binds its socket for --workers."""

from __future__ import annotations

import asyncio
import http.client
import socket
import statistics
import time

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
