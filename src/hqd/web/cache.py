"""A response cache for GET requests, valid while the database files are unchanged.

The dashboard is read-mostly: the same pages and API calls repeat. A cached
response is keyed by the full URL and dropped as soon as the database or its
write-ahead log changes (size or modification time), so an ingest or upload
is visible on the next request.
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


class ResponseCache:
    def __init__(self, app: ASGIApp, db: str, size: int = 512, max_body: int = 2 * 1024 * 1024) -> None:
        self.app = app
        self.db = db
        self.size = size
        self.max_body = max_body
        self.entries: OrderedDict[bytes, tuple[tuple, list[Message]]] = OrderedDict()
        self.signature: tuple | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        signature = database_signature(self.db)
        if signature != self.signature:
            self.entries.clear()
            self.signature = signature
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
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
            self.entries[key] = (signature, messages)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)
