"""The response cache holds at most its byte budget, whatever the number of distinct URLs (issue 14)."""

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from hqd.web.app import create_app
from hqd.web.cache import ResponseCache


def test_the_cache_is_bounded_by_bytes_not_entries(seeded_db):
    cache = ResponseCache(create_app(seeded_db, cache=False), db=str(seeded_db.resolve()), max_bytes=300_000)
    client = TestClient(cache)
    sizes = []
    for n in range(1, 121):  # anonymous query strings, each a new entry
        response = client.get(f"/api/v1/facts?limit={n}")
        assert response.status_code == 200
        sizes.append(len(response.content))
        assert cache.bytes <= cache.max_bytes
        assert cache.bytes == sum(cost for cost, _ in cache.entries.values())
    assert sum(sizes) > 3 * cache.max_bytes  # far more was served than is kept
    assert 1 < len(cache.entries) < 120
    newest = "/api/v1/facts?limit=120"
    assert newest.encode() in [key for key in cache.entries]  # the least recently used went first
    again = client.get(newest)
    assert again.content == client.get(newest).content
    assert b"/api/v1/facts?limit=1" not in cache.entries


def test_a_response_larger_than_the_budget_is_not_kept(seeded_db):
    cache = ResponseCache(create_app(seeded_db, cache=False), db=str(seeded_db.resolve()), max_bytes=2_000)
    client = TestClient(cache)
    assert len(client.get("/api/v1/facts?limit=100").content) > 2_000
    assert cache.entries == {} and cache.bytes == 0
