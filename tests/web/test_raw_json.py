"""A comparison's sources travel as the JSON text the refresh stored (RawJSON): the response must be byte for byte what
encoding the parsed lists would give, and nothing else in it may be touched."""

from __future__ import annotations

import json

from hqd.output import RawJSON
from hqd.web.api import dumps_with_raw, encode_with_raw


def test_raw_json_is_put_in_as_encoding_the_value_would_write_it():
    listed = [{"document_id": 3, "date": None, "language": "zh", "text": "1600亿元", "value": 160000000000.0, "approx": ">"}]
    text = json.dumps(listed, ensure_ascii=False)
    payload = {"rows": [{"district": "Jiading", "sources": RawJSON(text)}, {"district": "Qingpu", "sources": RawJSON("[]")}], "total": 2}
    expected = json.dumps({"rows": [{"district": "Jiading", "sources": listed}, {"district": "Qingpu", "sources": []}], "total": 2},
                          ensure_ascii=False)
    assert dumps_with_raw(payload) == expected


def test_text_that_looks_like_a_placeholder_is_left_alone():
    """The placeholder holds a random token per response, so a figure's text cannot be taken for one."""
    tricky = "\x000:0\x00"
    out = dumps_with_raw({"text": tricky, "sources": RawJSON("[1]"), "other": "\x00deadbeef:0\x00"})
    assert json.loads(out) == {"text": tricky, "sources": [1], "other": "\x00deadbeef:0\x00"}


def test_the_compare_endpoint_lists_each_rows_sources(client):
    body = client.get("/api/v1/compare/gdp?measure=level").json()
    assert body["rows"] and all(isinstance(r["sources"], list) and r["sources"] for r in body["rows"])
    for r in body["rows"]:
        assert r["document_id"] in {s["document_id"] for s in r["sources"]}
        assert set(r["sources"][0]) == {"document_id", "date", "language", "text", "value", "approx"}
    csv = client.get("/api/v1/compare/gdp?measure=level&format=csv").text
    assert "document_id" in csv.splitlines()[0] and "RawJSON" not in csv


def test_the_encoded_response_is_the_text_encoded():
    listed = [{"document_id": 3, "text": "1600亿元 µg/m³", "value": 1.5e11}]
    payload = {"rows": [{"district": "Jiading", "sources": RawJSON(json.dumps(listed, ensure_ascii=False)), "text": "\x00x:0\x00"},
                        {"district": "浦东", "sources": RawJSON("[]")}], "total": 2}
    assert encode_with_raw(payload) == dumps_with_raw(payload).encode() == json.dumps(
        {"rows": [{"district": "Jiading", "sources": listed, "text": "\x00x:0\x00"}, {"district": "浦东", "sources": []}], "total": 2},
        ensure_ascii=False).encode()
    assert encode_with_raw({"no": "raw"}) == b'{"no": "raw"}'
