"""The unit codes: every code a word table, the lexicon or the formatter names is one of model.Unit (or a rate of one),
so that a code the contract does not know cannot enter through a data file."""

import json
from importlib.resources import files

import pytest

from hqd.model import PER_WHAT, UNITS, is_unit, per


def _json(package: str, name: str):
    return json.loads(files(package).joinpath(name).read_text(encoding="utf-8"))


def _en_codes() -> list[str]:
    table = _json("hqd.extraction.lang.en", "units.json")
    words = _json("hqd.extraction.lang.en", "words.json")
    # a code written that the contract lists under another is given in that one: its target is what must be a unit
    written = {code: target for code, (target, _) in table["in_contract_units"].items()}
    codes = [*table["units"], *table["after_hyphen"], *table["duration_leads"]["units"], *table["currency_prefixes"]]
    return [written.get(c, c) for c in codes] + table["money_units"] + list(words["unit_dimensions"])


def _zh_codes() -> list[str]:
    return [code for code, _ in _json("hqd.extraction.lang.zh", "units.json")["units"].values()]


def _lexicon_codes() -> list[str]:
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            found.extend(v for k, v in node.items() if k == "unit" and isinstance(v, str))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(_json("hqd.lexicon", "indicators.json"))
    assert found, "the indicator lexicon names units"
    return found


@pytest.mark.parametrize("source,codes", [("lang/en/units.json", _en_codes()), ("lang/zh/units.json", _zh_codes()),
                                          ("lexicon/indicators.json", _lexicon_codes())])
def test_every_unit_code_in_a_data_file_is_a_unit(source, codes):
    assert codes
    assert sorted({c for c in codes if not is_unit(c)}) == [], source


def test_every_rate_denominator_in_a_data_file_is_a_unit_or_what_a_rate_is_per():
    en = list(_json("hqd.extraction.lang.en", "units.json")["rate_denominators"])
    zh = list(_json("hqd.extraction.lang.zh", "units.json")["denominators"].values())
    assert sorted(set(en + zh) - PER_WHAT) == []


def test_the_formatter_knows_only_unit_codes():
    from hqd.format import _UNITS

    assert sorted(c for c in _UNITS if not is_unit(c)) == []


def test_the_contract_codes_of_v1_2_are_units_and_no_other_code_is():
    assert {"kW", "permille", "ug/m3", "CNY", "pp", "tce", "TEU"} <= UNITS
    assert not {"MWh", "GWh", "ug"} & UNITS


@pytest.mark.parametrize("code,ok", [("CNY/m2", True), ("CNY/person", True), ("ug/m3", True), ("yuan", False),
                                     ("CNY/yuan", False), ("m3", False), ("CNY/", False), ("/m2", False),
                                     ("CNY/m2/day", True), ("CNY/person/month", True), ("CNY/m2/m2", False),
                                     ("CNY/m2/day/day", False), ("CNY//day", False)])
def test_is_unit(code, ok):
    assert is_unit(code) is ok


def test_per_builds_a_rate_and_refuses_what_is_no_unit():
    assert per("CNY", "m2") == "CNY/m2"
    with pytest.raises(ValueError):
        per("CNY", "bushel")  # type: ignore[arg-type]


def test_the_approximator_and_basis_codes_of_the_cue_tables_are_approx_and_basis_values():
    from typing import get_args

    from hqd.model import Approx, Basis

    en = _json("hqd.extraction.lang.en", "cues.json")
    zh = _json("hqd.extraction.lang.zh", "cues.json")
    approx = list(en["approx_before"]) + list(en["approx_after"]) + [
        code for key in ("approx_before", "approx_after", "approx_inside") for code in zh[key].values()]
    assert sorted(set(approx) - set(get_args(Approx))) == []
    assert sorted(set(zh["basis"]) - set(get_args(Basis))) == []


def test_the_entity_types_of_the_head_word_tables_are_entity_types():
    from typing import get_args

    from hqd.model import EntityType

    en = _json("hqd.extraction.lang.en", "words.json")
    zh = _json("hqd.extraction.lang.zh", "cues.json")
    named = set(en["entity_heads"]) | set(en["entity_known"]) | set(zh["entity_heads"])
    assert named and sorted(named - set(get_args(EntityType))) == []


def test_a_rate_per_a_span_of_time_is_a_unit_and_no_other_rate_of_a_rate():
    assert per(per("CNY", "m2"), "day") == "CNY/m2/day"  # a rent: yuan per square meter per day
    with pytest.raises(ValueError):
        per(per("CNY", "m2"), "person")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        per(per(per("CNY", "m2"), "day"), "day")  # type: ignore[arg-type]
