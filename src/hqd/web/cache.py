"""A response cache for GET requests, valid while the database files are unchanged.

The dashboard is read-mostly: the same pages and API calls repeat. A cached
response is keyed by the path and query string and dropped as soon as the
database or its write-ahead log changes (size or modification time), so an
ingest or upload is visible on the next request.

Nothing else in a request may shape a cached response: absolute links are
built from the configured base URL, never from the Host header (a client could
otherwise plant its own host in links served to everyone). The cache is bounded
by the bytes it holds, not by a count of entries: a crawler's endless distinct
query strings evict old entries instead of growing the process.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def database_signature(db: str) -> tuple:
    signature = []
    for path in (db, db + "-wal"):
        try:
            st = os.stat(path)
            signature.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            signature.append(None)
    return tuple(signature)


DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def _message_bytes(message: Message) -> int:
    """What a stored message costs, near enough: its body, its headers and a fixed overhead per object."""
    size = 200 + len(message.get("body", b""))
    for name, value in message.get("headers", ()):
        size += 100 + len(name) + len(value)
    return size


class ResponseCache:
    def __init__(self, app: ASGIApp, db: str, max_bytes: int = DEFAULT_MAX_BYTES, max_body: int = 2 * 1024 * 1024) -> None:
        self.app = app
        self.db = db
        self.max_bytes = max_bytes
        self.max_body = min(max_body, max_bytes)
        self.entries: OrderedDict[bytes, tuple[int, list[Message]]] = OrderedDict()
        self.bytes = 0  # what the entries hold, keys included
        self.signature: tuple | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        signature = database_signature(self.db)
        if signature != self.signature:
            self.entries.clear()
            self.bytes = 0
            self.signature = signature
        key = (scope.get("raw_path") or scope["path"].encode("utf-8", "surrogatepass")) + b"?" + scope.get("query_string", b"")
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            for message in hit[1]:
                await send(message)
            return
        messages: list[Message] = []
        size = 0

        async def record(message: Message) -> None:
            nonlocal size
            messages.append(message)
            if message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, record)
        start = next((m for m in messages if m["type"] == "http.response.start"), None)
        if start is not None and start["status"] == 200 and size <= self.max_body and self.signature == signature:
            cost = len(key) + sum(_message_bytes(m) for m in messages)
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= old[0]
            self.entries[key] = (cost, messages)
            self.bytes += cost
            while self.bytes > self.max_bytes and self.entries:
                self.bytes -= self.entries.popitem(last=False)[1][0]
