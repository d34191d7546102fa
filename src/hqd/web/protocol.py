"""The HTTP protocol ``hqd serve`` runs: uvicorn's h11 protocol with Nagle's algorithm off on every connection.

asyncio turns Nagle off (TCP_NODELAY) only on sockets whose ``proto`` is IPPROTO_TCP. With ``--workers`` above 1,
uvicorn binds the listening socket itself as ``socket.socket(family)``, whose ``proto`` is 0, and so are the
connections accepted from it: Nagle stays on. uvicorn writes a response's head and body as two writes, so the body
waits for the client's acknowledgement of the head, which a client delays by up to 40 ms (delayed ACK). Measured on
the 10,000-document bench with 2 workers and the response cache on: p50 44 ms at 1,130 requests/s with the server
at 0.2 cores, against 7 ms with one worker, whose socket asyncio creates."""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


def no_delay(transport: asyncio.BaseTransport) -> None:
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # the connection is already gone
            pass


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        no_delay(transport)
        super().connection_made(transport)
