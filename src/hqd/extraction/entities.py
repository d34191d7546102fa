"""Named entities: capitalised names classified by their head word or a known-name list."""

from __future__ import annotations

import re

from ..model import Entity, EntityType, Meta
from .lang.en import alternation, word_class, word_lists
from .lexicon import load

_WORDS = word_lists("words")
_HEADS: dict[str, str] = {}
for _type, _heads in _WORDS["entity_heads"].items():
    for _head in _heads:
        _HEADS.setdefault(_head, _type)
_KNOWN: dict[str, str] = {name: t for t, names in _WORDS["entity_known"].items() for name in names}
_NOT_ALONE = set(_WORDS["entity_not_alone"])
_CAP = r"(?:[A-Z][\w’'&.-]*[\w]|[A-Z])"
_CONNECTORS = word_class("name_connectors")  # lower-case words inside a name: "Bank of China", "Pudong New Area for ..."
_NAME = re.compile(rf"{_CAP}(?:[ \t]+(?:{alternation('name_connectors')}[ \t]+)?{_CAP})*")
_DISTRICTS = {a: n for n, aliases in load("districts")["districts"].items() for a in aliases}


def find_entities(text: str, meta: Meta) -> list[Entity]:
    entities: list[Entity] = []
    people = {o.name for o in meta.officials}
    for m in _NAME.finditer(text):
        name = m.group(0)
        start = m.start()
        if " " not in name and "\t" not in name:  # one word ("The", "In", "GDP": most matches), read without splitting
            lower = name.lower()
            if name not in _NOT_ALONE and lower not in _CONNECTORS and lower != "on":
                kind = _classify_word(name, people)
                if kind:
                    entities.append(Entity(start, start + len(name), name, kind))
            continue
        words = name.split()
        while words and words[0] in _NOT_ALONE:
            start += len(words[0]) + 1
            name = name[len(words[0]) + 1:]
            words = words[1:]
        while words and (words[-1].lower() in _CONNECTORS or words[-1].lower() == "on"):  # "... Forum on": no part of the name
            words.pop()
        if not words:
            continue
        name = " ".join(words)
        if text[start:start + len(name)] != name:
            continue
        for part_start, part in _split_coordinated(start, name):
            kind = _classify(part, people)
            if kind:
                entities.append(Entity(part_start, part_start + len(part), part, kind))
    return entities


def _split_coordinated(start: int, name: str) -> list[tuple[int, str]]:
    """ "X Campus and Y School" is two names; "Science and Technology Commission" is one."""
    parts = name.split(" and ")
    if len(parts) == 2 and all(head_type(p, needs_modifier=True) for p in parts):
        return [(start, parts[0]), (start + len(parts[0]) + len(" and "), parts[1])]
    return [(start, name)]


def head_type(name: str, needs_modifier: bool = False) -> EntityType | None:
    """The entity type a name's head word gives ("... Industrial Park" -> park), trying 3-, 2- and 1-word heads.

    With ``needs_modifier`` the head must follow at least one other word ("Park" alone names nothing).
    """
    words = name.split()
    for n in (3, 2, 1):
        head = " ".join(words[-n:])
        if len(words) >= n + needs_modifier and head in _HEADS:
            return _HEADS[head]
    return None


_DISTRICT_SUFFIX = re.compile(r"\s+(?:District|New Area)$")
_DISTRICT_ENDS = ("District", "New Area")  # what the suffix ends with: tried only on a name ending so (most are not)


def _classify_word(name: str, people: set[str]) -> EntityType | None:
    """:func:`_classify` of a name of one word (no space or tab in it): a person, a known name or a district, as it
    is never a name with a head word (those have two words at least)."""
    if name in people:
        return "person"
    if name in _KNOWN:
        return _KNOWN[name]
    return "place" if name in _DISTRICTS else None


def _classify(name: str, people: set[str]) -> EntityType | None:
    if name in people:
        return "person"
    if name in _KNOWN:
        return _KNOWN[name]
    if name in _DISTRICTS or name.endswith(_DISTRICT_ENDS) and _DISTRICT_SUFFIX.sub("", name) in _DISTRICTS:
        return "place"
    words = name.split()
    if len(words) < 2:
        return None
    kind = head_type(name)
    if kind:
        return kind
    if words[0] in _KNOWN:
        return _KNOWN[words[0]]
    return None
