"""What every HTTP exchange passes through before the routes: security headers, errors as JSON, a time budget,
and blocking work kept off the event loop.

The stack, outermost first (``HqdApp.build_middleware_stack``):

- ``Shield`` adds the security headers to every response (errors, 500s and 503s included) and answers a JSON 500
  when an exception escapes with no response started, so no client ever sees a bare text error.
- the response cache (``cache.ResponseCache``), on the event loop: a hit costs no thread.
- ``Offload`` runs the rest of the request (routes, SQLite, templates) in a worker thread with its own event
  loop, so one slow request cannot stall the others, and gives it a time budget: past it the request is
  answered 503 and abandoned (its SQLite statements are interrupted by a progress handler, an upload's
  extraction process is killed, a handler awaiting anything is cancelled).
- Starlette's own error middleware, the user middleware, exception handlers and routes, as usual.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("hqd.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# The API docs page starts Swagger UI with an inline script and styles; it shows only this server's own schema.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
_SECURITY_HEADER_NAMES = {k for k, _ in SECURITY_HEADERS}

DEFAULT_REQUEST_BUDGET = 30.0  # seconds for a read
DEFAULT_UPLOAD_BUDGET = 120.0  # seconds for an upload: body, decoding, extraction and the write

# When the request being served must be done (time.monotonic()), or None. Set per request by Offload; read by the
# SQLite progress handler of every read connection and by an upload's wait for its extraction process.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("hqd_deadline", default=None)


class OverBudget(Exception):
    """The request ran past its time budget."""


def time_left() -> float | None:
    deadline = DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def _past_deadline() -> int:
    deadline = DEADLINE.get()
    return 1 if deadline is not None and time.monotonic() > deadline else 0


def interruptible(conn):
    """Make a connection's statements stop (sqlite3.OperationalError 'interrupted') once the current request's
    deadline passes. The handler runs every few thousand virtual-machine steps, in the thread running the statement,
    and reads the deadline of the request that thread serves, so one pooled connection serves many requests."""
    conn.set_progress_handler(_past_deadline, 4000)
    return conn


def error_body(status: int, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "message": message}}, ensure_ascii=False).encode()


async def send_json_error(send: Send, status: int, message: str) -> None:
    body = error_body(status, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Shield:
    """Outermost: security headers on every response, and a JSON 500 for anything that escapes unanswered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith("/api/docs")
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SECURITY_HEADER_NAMES]
                headers += [(k, DOCS_CSP.encode() if docs and k == b"content-security-policy" else v) for k, v in SECURITY_HEADERS]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            log.exception("error serving %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await send_json_error(with_headers, 500, "internal server error; the server's log has the details")


FINISH_GRACE = 5.0  # seconds a response that began before its budget ran out may take to finish


class _Exchange:
    """One request handed to a worker thread.

    The response's messages wait in ``held`` until it is complete (a body message with no more to come), and the
    event loop sends them when the worker is done: one hop between the threads a request instead of one a message.
    A streamed response (a body message with more to come) is passed on message by message instead."""

    def __init__(self) -> None:
        self.started = False  # a message went out to the client
        self.abandoned = False
        self.held: list[Message] = []
        self.streaming = False
        self.task: asyncio.Task | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.lock = threading.Lock()

    def abandon(self) -> None:
        with self.lock:
            self.abandoned = True
            if self.task is not None and self.loop is not None:
                self.loop.call_soon_threadsafe(self.task.cancel)


_worker = threading.local()


class Offload:
    """Each HTTP request runs in a worker thread (on that thread's own event loop) under a time budget."""

    def __init__(self, app: ASGIApp, request_budget: float = DEFAULT_REQUEST_BUDGET,
                 upload_budget: float = DEFAULT_UPLOAD_BUDGET, threads: int = 16) -> None:
        self.app = app
        self.request_budget = request_budget
        self.upload_budget = upload_budget
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="hqd-request")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        budget = self.request_budget if scope["method"] in ("GET", "HEAD") else self.upload_budget
        deadline = time.monotonic() + budget
        main = asyncio.get_running_loop()
        exchange = _Exchange()

        async def to_client(message: Message) -> None:
            if exchange.abandoned:
                raise OverBudget("the request was abandoned")
            exchange.started = True
            for held in exchange.held:
                await send(held)
            exchange.held.clear()
            await send(message)

        async def from_client() -> Message:
            if exchange.abandoned:
                return {"type": "http.disconnect"}
            return await receive()

        def on_main(coroutine):
            return asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, main))

        async def worker_send(message: Message) -> None:
            if exchange.abandoned:
                raise OverBudget("the request was abandoned")
            if not exchange.streaming and (message["type"] != "http.response.body" or not message.get("more_body", False)):
                exchange.held.append(message)  # sent by the event loop once the worker is done
                return
            exchange.streaming = True
            await on_main(to_client(message))

        async def in_worker() -> None:
            DEADLINE.set(deadline)
            await self.app(scope, lambda: on_main(from_client()), worker_send)

        def run() -> None:
            loop = getattr(_worker, "loop", None)
            if loop is None:
                loop = _worker.loop = asyncio.new_event_loop()
            with exchange.lock:
                if exchange.abandoned:
                    return
                exchange.loop, exchange.task = loop, loop.create_task(in_worker())
            loop.run_until_complete(exchange.task)

        future = main.run_in_executor(self.pool, run)
        future.add_done_callback(_retrieve)  # an abandoned request's end is nobody's concern
        try:
            try:
                await asyncio.wait_for(asyncio.shield(future), budget)
            finally:
                if future.done() and not exchange.abandoned:  # what the worker answered, error pages included
                    exchange.started = exchange.started or bool(exchange.held)
                    held, exchange.held = exchange.held, []
                    for message in held:
                        await send(message)
        except TimeoutError:
            if exchange.started:  # the answer is already on the wire: cut short, the client would read a truncated body
                try:
                    await asyncio.wait_for(asyncio.shield(future), FINISH_GRACE)
                    return
                except TimeoutError:
                    pass
            exchange.abandon()
            log.warning("%s %s ran past its %g s budget", scope["method"], scope["path"], budget)
            if not exchange.started:
                exchange.started = True
                await send_json_error(send, 503, f"the request ran past this server's {budget:g}-second time budget "
                                                 "and was stopped; narrow it (a smaller limit, a more specific query) or try later")
        except asyncio.CancelledError:  # the server is stopping, or the client went away
            exchange.abandon()
            raise


def _retrieve(future: asyncio.Future) -> None:
    if not future.cancelled():
        future.exception()


class HqdApp(FastAPI):
    """FastAPI with the guard around its whole middleware stack, Starlette's error middleware included
    (middleware added with ``add_middleware`` sits inside that, where a 500 would bypass it)."""

    def __init__(self, *args, request_budget: float = DEFAULT_REQUEST_BUDGET, upload_budget: float = DEFAULT_UPLOAD_BUDGET,
                 cache_factory=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request_budget = request_budget
        self.upload_budget = upload_budget
        self.cache_factory = cache_factory

    def build_middleware_stack(self) -> ASGIApp:
        app = Offload(super().build_middleware_stack(), self.request_budget, self.upload_budget)
        if self.cache_factory is not None:
            app = self.cache_factory(app)
        return Shield(app)
