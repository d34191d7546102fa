"""Named things in Chinese text: districts (place), parks and zones, organisations, institutions, events, and the
officials (person).

Facts of Chinese encoded here: a name ends in a head word that says what it is (产业园 示范区 → park, 集团 公司 →
organization, 医院 大学 → institution, 博览会 → event), and begins after a mark, a verb or a preposition; without
segmentation, the name is the run of up to twelve characters before the head that holds none of those.
"""

from __future__ import annotations

import re

from ....model import Entity, Meta
from .lexicon import alternation, load

_HEADS = load("cues")["entity_heads"]
_TYPE = {h: kind for kind, heads in _HEADS.items() for h in heads}
_NAME = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12}?(?P<head>" + alternation(_TYPE) + r"))")
_BREAK = re.compile(r".*(?:引入|引進|牵手|推进|推進|加快|集聚|拥有|形成|培育|获评|入选|在|是|的|和|与|與|及|了|为|為|对|將|将|以|把|从|從|向|于|於|到|由|等|并|並|引进|建设|建設|打造|推动|推動|围绕|圍繞|聚焦|加快|成为|成為|入选|入選|落户|全区|全市|作为|依托|代表|启动|建立|举行|舉行)")
_GENERIC = set(_TYPE) | {"产业园区", "工业园区", "产业基地", "科技园区"}
_NAME_MORE = re.compile(r"(?P<head>" + alternation(_TYPE) + r")")
_DISTRICT = re.compile(alternation([d + s for d in load("districts")["districts"] for s in ("新区", "区")]))


def find_entities(text: str, meta: Meta) -> list[Entity]:
    out: list[Entity] = []
    for m in _DISTRICT.finditer(text):
        out.append(Entity(m.start(), m.end(), m.group(), "place"))
    for m in _NAME.finditer(text):
        name, start = m.group("name"), m.start()
        cut = _BREAK.match(name[:-len(m.group("head"))])
        if cut:
            start += cut.end()
            name = text[start:m.end()]
        if len(name) - len(m.group("head")) < 2 or name[0] in "一二两三四五六七八九十兩" or name in _GENERIC:
            continue  # 两大化工基地, 一批示范区: a count of things, not a name
        more = _NAME_MORE.match(text, m.end())
        if more:  # 上海汽车芯片工程中心: the longer name
            name, end = text[start:more.end()], more.end()
            out.append(Entity(start, end, name, _TYPE[more.group("head")]))
            continue
        out.append(Entity(start, m.end(), name, _TYPE[m.group("head")]))
    names = {o.name for o in meta.officials}
    for name in names:
        for m in re.finditer(re.escape(name), text):
            out.append(Entity(m.start(), m.end(), name, "person"))
    out.sort(key=lambda e: (e.start, -e.end))
    kept: list[Entity] = []
    for e in out:
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return kept
