"""The language packs' word lists are JSON files merged by hand from several branches: a key written twice is a silent
loss (json keeps the last), so every data file is read with a hook that refuses a repeated key."""

import json
from pathlib import Path

import pytest

import hqd.extraction.lang

_FILES = sorted(Path(hqd.extraction.lang.__file__).parent.rglob("*.json"))


def _refuse_repeats(pairs):
    keys = [k for k, _ in pairs]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise ValueError(f"repeated keys: {repeated}")
    return dict(pairs)


def test_the_packs_have_data_files():
    assert len(_FILES) >= 10


@pytest.mark.parametrize("path", _FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_key_is_written_twice(path):
    json.loads(path.read_text("utf-8"), object_pairs_hook=_refuse_repeats)


def test_the_hook_refuses_a_repeated_key():
    with pytest.raises(ValueError, match="age_measures"):
        json.loads('{"age_measures": [1], "b": 2, "age_measures": [3]}', object_pairs_hook=_refuse_repeats)
