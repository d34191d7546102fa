"""How ``hqd serve`` runs uvicorn: its h11 protocol with Nagle's algorithm off on every connection, and with several
workers, a listening socket of its own for each (``run``).

asyncio turns Nagle off (TCP_NODELAY) only on sockets whose ``proto`` is IPPROTO_TCP. With ``--workers`` above 1,
uvicorn binds the listening socket itself as ``socket.socket(family)``, whose ``proto`` is 0, and so are the
connections accepted from it: Nagle stays on. uvicorn writes a response's head and body as two writes, so the body
waits for the client's acknowledgement of the head, which a client delays by up to 40 ms (delayed ACK). Measured on
the 10,000-document bench with 2 workers and the response cache on: p50 44 ms at 1,130 requests/s with the server
at 0.2 cores, against 7 ms with one worker, whose socket asyncio creates."""

from __future__ import annotations

import asyncio
import socket
import sys

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors import Multiprocess


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


APP = "hqd.web.serve:app"
PROTOCOL = "hqd.web.protocol:NoDelayH11Protocol"


def run(host: str, port: int, workers: int) -> None:
    """Serve ``APP`` until stopped; Nagle off on every connection, whatever the number of workers.

    With several workers on Linux, each listens on a socket of its own, all bound to the port with SO_REUSEPORT, and
    the kernel spreads new connections over them. uvicorn's own way, one socket the workers share, lets whichever
    worker wakes first take a whole burst (asyncio accepts up to ``backlog`` waiting connections at once): wrk's 50
    connections on the 10,000-document bench went 42 to one worker and 8 to the other, which queued requests on one
    core while the other idled. uvicorn still supervises the workers (restarts, signals)."""
    if workers <= 1 or not hasattr(socket, "SO_REUSEPORT") or not sys.platform.startswith("linux"):
        uvicorn.run(APP, host=host, port=port, workers=workers, log_level="warning", http=PROTOCOL)
        return
    config = uvicorn.Config(APP, host=host, port=port, workers=workers, log_level="warning", http=PROTOCOL,
                            loop="hqd.web.protocol:OwnSocketLoop")
    shared = reuse_port_socket(host, port)  # bound, never listened on: it only holds the port and names it to the workers
    shared.set_inheritable(True)
    try:
        Multiprocess(config, sockets=[shared]).run()
    except KeyboardInterrupt:
        pass


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A socket bound to host:port with SO_REUSEPORT, which other sockets of this user may be bound to as well."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


class OwnSocketLoop(asyncio.SelectorEventLoop):
    """A worker's event loop: given the supervisor's socket (SO_REUSEPORT, not listening), it serves on a new socket of
    its own bound to the same address instead, so that the kernel queues each new connection at one worker."""

    async def create_server(self, protocol_factory, host=None, port=None, *, sock=None, **kwargs):  # type: ignore[override]
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6) \
                and sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT):
            sock = reuse_port_socket(*sock.getsockname()[:2])
        return await super().create_server(protocol_factory, host, port, sock=sock, **kwargs)
