"""Whose figure it is: the district by default, Shanghai for city totals, or the named park, zone or organisation
that heads the clause (or an earlier clause of the sentence).

Facts of Chinese encoded here: Chinese puts the topic first ("碳谷绿湾产业园...累计调整企业79家",
"全市实现..."), so a name at the head of a clause is what the clause's figures are about, and stays so for the rest
of the sentence; a name elsewhere (引进了联合国采购中心) is an object, not the topic. 全区 and 本区 are the district
itself; 全市 上海市 本市 the city, unless a district follows (上海长宁 is Changning). A named place is written as in
the text, without quotation marks or 《》.
"""

from __future__ import annotations

import re

from .lexicon import alternation, load

_D = load("districts")
_HEADS = [h for heads in load("cues")["entity_heads"].values() for h in heads]
_DISTRICT = re.compile(r"(?P<name>" + alternation(_D["districts"]) + r")(?P<suffix>新区|新區|区|區)?")
_CITY = re.compile(r"(?:全市|上海市|本市|上海)(?!" + alternation(_D["districts"]) + ")")
_LEAD = re.compile(r"^(?:[\s“”\"‘’（）()]|其中|同时|此外|另外|目前|截至目前|当前|今年以来|近年来|在此基础上)+")
# a name heading a clause: up to 16 characters of a name, ending in a head word (产业园, 中心, 示范区 ...)
_NAME = re.compile(r"^[“\"《]?(?P<name>[\u4e00-\u9fff“”《》A-Za-z0-9]{1,16}?(?:" + alternation(_HEADS) + r"))[”\"》]?")
_NOT_NAME = re.compile(r"引入|引进|引進|集聚|建立|设立|設立|成立|启动|啟動|拥有|擁有|实现|實現|完成|形成|培育|发展|發展|支持|吸引|新建|组建|举办|舉辦|承办|获评|獲評|入选|入選|荣获|榮獲|评为|評為|获得|獲得|作为|作為|在|是|围绕|圍繞|推动|推動|建设|建設|打造|聚焦|加快|依托|以|对|對|和|与|與|及|的")


def district_of(word: str) -> str | None:
    m = _DISTRICT.match(word)
    return _D["districts"][m.group("name")] if m else None


def clause_topic(text: str, start: int, end: int) -> str | None:
    """The subject a clause names at its head, or None."""
    head = text[start:end]
    lead = _LEAD.match(head)
    if lead:
        head = head[lead.end():]
    if not head:
        return None
    if head.startswith(("全区", "全區", "本区", "本區")):
        return "district"
    d = _DISTRICT.match(head)
    if d and not _NAME.match(head[:len(d.group()) + 6]) or d and _is_bare_district(head, d):
        return _D["districts"][d.group("name")]
    c = _CITY.match(head)
    if c:
        rest = head[c.end():]
        d = _DISTRICT.match(rest)
        if d:
            return _D["districts"][d.group("name")]
        return _D["city"]
    n = _NAME.match(head)
    if n and not _NOT_NAME.search(n.group("name")) and head[n.end():].strip("”\"》 "):
        # a name is the topic only when the clause goes on to say something of it; a clause that is only a name
        # is an item of a list or a verb's object
        name = n.group("name").strip("“”\"《》")
        if name.startswith(("全区", "全市")):
            return None
        return name
    return None


def _is_bare_district(head: str, d: re.Match) -> bool:
    """长宁片区, 嘉定区: a district with no park name after it is the district."""
    n = _NAME.match(head)
    return not n or len(n.group("name")) <= len(d.group()) + 2 and n.group("name").endswith("片区")
