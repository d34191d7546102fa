"""The per-thread read connection (api.read_conn) serves one request at a time, and no request answers with an error
another request left on it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import warnings

import pytest
from fastapi.routing import APIRoute

from hqd.pipeline.ingest import ingest_paths
from hqd.store import open_store
from hqd.store.queries import QueryError, list_facts
from hqd.web import api, app as app_module
from hqd.web.app import create_app

from ..conftest import seeds_dir

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

OUT_OF_RANGE = "/api/v1/facts?doc=9223372036854775808"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("connections") / "hqd.db"
    conn = open_store(db, write=True)
    assert ingest_paths(conn, str(db), [str(p) for p in sorted(seeds_dir().glob("*.txt"))], jobs=1, quiet=True).added == 5
    conn.close()
    return db


def _out_of_range(answer) -> bool:
    return answer.status_code == 422 and "out of range" in answer.json()["error"]["message"]


def test_a_failed_search_leaves_no_error_for_the_next_request(store, monkeypatch):
    """A search that fails inside FTS5 ('unterminated string', answered 400: a NUL inside a term did, before queries'
    control characters became spaces) leaves its error on the connection; SQLite keeps it, and Python reports it when
    it cannot bind a number past 2**63 to a statement it kept prepared: the next facts?doc=2**63 on that thread's
    connection was a 503 'database error: unterminated string', not a 422."""
    def failing_search(conn, query, **options):
        try:
            conn.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", ('"a',)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"search query {query!r} could not be run ({exc})") from None  # as search_sentences does

    monkeypatch.setattr(api, "search_store_sentences", failing_search)
    client = TestClient(create_app(store, cache=False))
    answers = []
    for doc in range(12):  # one request at a time: the server's pool keeps serving them on the same thread
        assert client.get(f"/api/v1/facts?doc={doc}").status_code == 200  # the statement, kept prepared
        failed = client.get("/api/v1/search?q=ab")
        assert 400 <= failed.status_code < 500 and "unterminated string" in failed.text, failed.text
        answers.append(client.get(OUT_OF_RANGE))
    bad = [(a.status_code, a.text) for a in answers if not _out_of_range(a)]
    assert not bad, bad


def test_a_number_out_of_range_after_a_failed_statement_in_the_same_request_is_a_client_error(store, monkeypatch):
    """Within one request too: the error Python reports in place of the OverflowError is answered as the number out of
    range it stands for."""
    def facts_after_a_failed_search(conn, **filters):
        list_facts(conn, doc=1)  # kept prepared
        with pytest.raises(sqlite3.OperationalError, match="unterminated string"):
            conn.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", ('"a',)).fetchall()
        return list_facts(conn, **filters)

    monkeypatch.setattr(api, "list_facts", facts_after_a_failed_search)
    answer = TestClient(create_app(store, cache=False)).get(OUT_OF_RANGE)
    assert _out_of_range(answer), (answer.status_code, answer.text)


def test_every_handler_taking_the_read_connection_runs_in_the_requests_thread(store):
    """FastAPI runs a plain ``def`` handler in a thread of its own pool; cancelled (its request abandoned at the budget),
    it goes on there while the request's thread serves the next request on the same connection."""
    sync = []
    for route in create_app(store).routes:
        if isinstance(route, APIRoute) and any(d.call is api.read_conn for d in route.dependant.dependencies):
            if not asyncio.iscoroutinefunction(route.endpoint):
                sync.append(route.path)
    assert not sync, sync


def test_an_abandoned_request_s_connection_is_not_used_by_the_next_while_its_work_goes_on(store, monkeypatch):
    """The overview runs past a 0.5 s budget (answered 503); the requests after it must not get its connection while
    it is still at work. (A request of those may itself run past the budget on a loaded machine: a 503 then, but at
    least one must be answered, so that the check is not vacuous.)"""
    busy: dict[int, float] = {}  # id(connection) -> when the overview using it ends

    def slow_overview(conn):
        busy[id(conn)] = time.monotonic() + 2.0
        time.sleep(2.0)  # a long computation: the budget's cancellation cannot stop it
        raise RuntimeError("abandoned long ago")

    shared = []

    def recording_list_facts(conn, **filters):
        if busy.get(id(conn), 0) > time.monotonic():
            shared.append(threading.current_thread().name)
        return list_facts(conn, **filters)

    monkeypatch.setattr(app_module, "overview", slow_overview)
    monkeypatch.setattr(api, "list_facts", recording_list_facts)
    client = TestClient(create_app(store, cache=False, request_budget=0.5))
    answer = client.get("/api/v1/overview")
    assert answer.status_code == 503 and "budget" in json.loads(answer.text)["error"]["message"]
    answered = []
    until = time.monotonic() + 1.2
    while time.monotonic() < until:
        response = client.get("/api/v1/facts?limit=1")
        assert response.status_code in (200, 503), response.text
        answered.append(response.status_code)
    assert 200 in answered, answered
    assert not shared, f"{len(shared)} requests used the abandoned overview's connection while it ran"


def test_clear_error_leaves_the_connection_s_last_error_behind(store):
    conn = api.Store(open_store(store))
    list_facts(conn, doc=1)  # kept prepared
    with pytest.raises(sqlite3.OperationalError, match="unterminated string"):
        conn.conn.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", ('"a',)).fetchall()
    api.clear_error(conn)
    with pytest.raises(OverflowError):
        list_facts(conn, doc=2**63)
    conn.close()
