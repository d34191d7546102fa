"""Whose figure it is: the district by default, Shanghai for city totals, or the named park, zone, area or
organisation that heads the clause (or an earlier clause of the sentence, or an earlier sentence of the paragraph).

Facts of Chinese encoded here (examples in the tests):
- Chinese puts the topic first ("碳谷绿湾产业园...累计调整企业79家", "全市实现..."), so a name at the head of a clause is
  what the clause's figures are about, and stays so for the rest of the sentence, and for the sentences after it
  in the paragraph that name no topic of their own (a topic chain); a name elsewhere (引进了联合国采购中心) is an
  object, not the topic, and so is a clause that is nothing but a name (a list item, a verb's object);
- a name ends in a head word (产业园 示范区 中心 智创城 项目, a district's 段: 苏州河普陀段); once named with a generic
  area word (北外滩地区), the area is named again without it (北外滩已建成..., 北外滩航运服务业实现税收...);
- "作为X的地标,Y..." introduces Y by what it is: Y, up to its time word or verb, is the topic;
- a list item "一是加快X建设,..." is about the X it names;
- 全区 本区 区内 are the district itself; 全市 上海市 本市 the city, unless a district follows (上海长宁 is Changning);
- a named place is written as in the text, without quotation marks or 《》, and without the district written before
  it (宝山区吴淞创新城 is 吴淞创新城);
- towns, subdistricts and a stretch of a river or road are places by their head word (七宝镇, 五角场街道,
  杨浦滨江南段), but a common noun ending in such a head (城镇常住居民, 乡镇) names none;
- a part of a park or zone is named after the whole (临港新片区奉贤园区, 漕河泾开发区徐汇园区): the name runs on
  over a second head that follows at once;
- a head word after nothing but generic modifiers (外资研发中心, 企业技术中心) names a kind of thing, not a topic;
- 全镇 该镇 全街道 point back to the town or subdistrict last named; "位于X的Y" introduces Y by where it is;
- a name is introduced by its class (区内龙头企业商汤科技, 园区内企业万物新生集团): what follows the class noun is
  the name, and the topic.
"""

from __future__ import annotations

import re

from ....model import Quantity, Target
from .lexicon import alternation, load
from .periods import DATELINE

_D = load("districts")
_CUES = load("cues")
# a topic's head words: the entities' and a district's 段, and heads too short to find a name alone in running text
# (谷: 长阳创谷, 东方美谷) but that end a clause's topic
_HEADS = ([h for heads in _CUES["entity_heads"].values() for h in heads] + [d + "段" for d in _D["districts"]]
          + _CUES["topic_heads"])
_DISTRICT = re.compile(r"(?P<name>" + alternation(_D["districts"]) + r")(?P<suffix>新区|区)?")
# 上海市长宁区 is Changning: not 上海 read alone before 市长宁区
_CITY = re.compile(r"(?:全市|上海市|本市|上海)(?!市|" + alternation(_D["districts"]) + ")")
_OWN = re.compile(alternation(_CUES["district_words"]))
# what may come before a clause's topic without being it: marks, an entry heading, a lead-in, a conjunction (而全市...),
# and a time word said before the topic (全年示范区..., 同年长宁全区...)
_LEAD = re.compile(r"^(?:[\s“”\"‘’（）()]|【[^】\n]{0,20}】|位于[^，,。；;]{1,12}?的|其中|同时|此外|另外|截至目前|目前|当前|今年以来|近年来|在此基础上|据统计|据介绍|据了解"
                   r"|而|但|同年|同期|当年|全年|年末|年底|年内|当月|本月|当季)+")
# a company's seat may be written in brackets inside its name: 博世汽车部件(苏州)有限公司
_NAME = re.compile(r"^[“\"《]?(?P<name>[\u4e00-\u9fff“”《》A-Za-z0-9]{1,16}?(?:[(（][\u4e00-\u9fff]{2,4}[)）][\u4e00-\u9fff]{0,6}?)?(?:" + alternation(_HEADS) + r"))[”\"》]?")
_NOT_NAME = re.compile(r"引入|引进|集聚|建立|设立|成立|启动|拥有|实现|完成|形成|培育|发展|支持|吸引|推进|新建|组建|举办|承办|获评|入选|荣获|"
                       r"评为|获得|做强|做优|做大|作为|在|是|围绕|推动|建设|打造|聚焦|加快|依托|以|对|和|与|及|的|确保|力争|争取|新增|累计|全区|全市|"
                       r"开工|竣工|投产|签约|落户|开业|占|今年|去年|明年|亿元|億元|万元|萬元|认定|認定")
_DIGIT_IN_NAME = re.compile(r"(?<![A-Za-z0-9])\d")
_AREA = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,5}?)(?:地区|区域|一带)(?=[已在将共实新集])")
_TASK_VERBS = r"(?:加快|推进|推动|做强|做优|建设|打造|提升|深化|聚焦|优化|加强|完善|支持|实施)"
_ITEM_OPENING = r"(?:[一二三四五六七八九十]是|首先|其次|再次|最后)"
_LIST_ITEM = re.compile(r"^" + _ITEM_OPENING + r"(?:全力|大力|持续|着力|加快|积极|全面)?" + _TASK_VERBS + "{1,2}")  # 一是加快建设X: both verbs
# the first item of a numbered or ordered list (一是, 首先, （一）, 一、), and a later one (二是, 其次, （二）, 二、)
_FIRST_ITEM = re.compile(r"一是|首先|[（(]一[)）]|一、")
_LATER_ITEM = re.compile(r"[二三四五六七八九十]是|其次|再次|最后|[（(][二三四五六七八九十]{1,2}[)）]|[二三四五六七八九十]{1,2}、")


def list_item(text: str, start: int) -> str | None:
    """"first" when the sentence at ``start`` opens the first item of a list, "later" when it opens a later one."""
    return "first" if _FIRST_ITEM.match(text, start) else "later" if _LATER_ITEM.match(text, start) else None
# a task that heads its sentence: 全力推进临港新片区建设,力争... (an adverb, then one or two task verbs)
_TASK_HEAD = re.compile(r"^(?:全力|大力|持续|着力|加快|积极|全面)?" + _TASK_VERBS + "{1,2}")
# 我们重点打造大零号湾科技创新策源功能区: the speakers' task names the place they go on about
_WE_TASK = re.compile(r"^(?:我们|我們|我区|我區)(?:将|將|要)?(?:重点|重點|着力|全力|大力|持续|持續|加快|积极|積極|全面)?" + _TASK_VERBS + "{1,2}")
_APPOSITIVE_TOPIC = re.compile(r"^(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?=去年|今年|全年|上半年|目前|已|将|在|于|从|共|累计|实现|完成|新增|引进|拥有|成为|达到|单栋|\d)")
_COMMON = tuple(_CUES["common_nouns_with_heads"])
_HEADS_LONGEST = sorted(set(_HEADS), key=len, reverse=True)
_CATEGORY_WORD = re.compile(alternation(_CUES["category_modifiers"]))
_PART_OF = re.compile(r"(?P<part>[\u4e00-\u9fff]{0,4}?(?:" + alternation(_HEADS) + r"))")
# a project's phase is part of its name (西岸数智谷|二期项目, 长阳创谷|三期, 苏河湾|万象天地二期)
_PHASE = re.compile(r"(?P<part>[\u4e00-\u9fff]{0,6}?[一二三四五六七八九十]期(?:项目|工程|項目)?)")
_ZONE_AFTER = re.compile(r"(?P<part>[\u4e00-\u9fff]{5,10}?(?:" + alternation(_CUES["entity_heads"]["park"]) + r"))")
_TIME_WORD = re.compile(r"全年|今年|去年|明年|上半年|下半年|季度|目前|当前|年末|年底|已|将|共|累计|的")
_CLASS_LEAD = re.compile(r"^(?:" + alternation(_CUES["name_class_places"]) + r")?(?:" + alternation(_CUES["name_classes"]) + ")")
_NOT_A_NAME_WORD = re.compile(alternation(_CUES["attribute_heads"] + _CUES["light_verbs"] + _CUES["change_up"]
                                          + _CUES["change_down"]))
_NOT_AREA = ("全", "本", "该", "各", "其", "周边", "相关", "重点", "部分", "长三角", "中心城", "郊")


def known_names(text: str) -> list[str]:
    """Areas the text names with a generic area word (北外滩地区 → 北外滩), longest first."""
    names = set()
    for m in _AREA.finditer(text):
        name = m.group("name")
        if not name.startswith(_NOT_AREA) and not _DISTRICT.fullmatch(name):
            names.add(name)
    return sorted(names, key=len, reverse=True)


_SECTION = re.compile(r"(?:" + alternation(_D["districts"]) + r")段")


def _name_at(head: str) -> str | None:
    n = _NAME.match(head)
    if not n:
        return None
    name = n.group("name")
    more = _SECTION.match(head, n.end())
    if more:  # G60科创走廊松江段: the district's section of the named corridor
        name, n = head[n.start("name"):more.end()], more
    if "“" in name.strip("“") or "”" in name.strip("”"):
        return None  # a slogan in quotation marks (做强“三港两园”) is no name
    if _NOT_NAME.search(_less_head(name)) or _DIGIT_IN_NAME.search(name) or not head[n.end():].strip("”\"》 "):
        return None
    name = name.strip("“”\"《》")
    if head[n.end():n.end() + 1] in _WORD_GOES_ON.get(name[-1], ""):
        return None  # 受益村民: the head's character begins a common word (村民), not a name
    if name.startswith(("全区", "全市")) or name.endswith(_COMMON) or _is_category(name):
        return None
    end = n.end()
    for _ in range(3):  # 复旦大学|附属中山医院|杨浦分院
        part = _part_of(head[end:])
        if not part:
            break
        name, end = name + part, end + len(part)
    return name


_WORD_GOES_ON = _CUES["head_word_continuations"]


def _less_head(name: str) -> str:
    """The name without its head word: a head may hold a verb's characters (金融集聚区, 外滩金融集聚带), the name's
    own part may not."""
    head = next((h for h in _HEADS_LONGEST if name.endswith(h)), "")
    return name[:len(name) - len(head)]


def _is_category(name: str) -> bool:
    """外资研发中心, 企业技术中心, 国家级孵化器基地: a head word after nothing but generic modifiers names a kind of
    thing, not one thing; a name has a proper part (张江科学城, 瑞金医院, 上海国际医学中心)."""
    head = next((h for h in _HEADS_LONGEST if name.endswith(h)), None)
    if head is None:
        return False
    rest = name[:-len(head)]
    while rest:
        m = _CATEGORY_WORD.match(rest)
        if not m:
            return False
        rest = rest[m.end():]
    return True


def _part_of(rest: str) -> str:
    """The part of a park named right after it (临港新片区|奉贤园区): the part's own name and head, when what follows
    them is the clause going on; a phase of it (长阳创谷|三期); and a zone named after a place it holds (大零号湾|科技创新策源功能区, 上海湾|区高新技术
    产业开发区): a longer run up to a park's or place's head, with no verb or time word in it."""
    for pattern in (_PART_OF, _PHASE, _ZONE_AFTER):
        p = pattern.match(rest)
        if (not p or _NOT_NAME.search(_less_head(p.group("part"))) or _DIGIT_IN_NAME.search(p.group("part"))
                or _TIME_WORD.search(p.group("part"))):
            continue
        if p.group("part") in ("园区", "園區"):
            return ""  # 长阳创谷|园区企业: the generic word for the park the name is, not a part of it (but 保税区|片区 is)
        if rest[p.end():].strip("”\"》 "):
            return p.group("part")
    return ""


# 一家名为“柔漾生物”的企业: a thing introduced by its name (名为, 名叫, 叫做) is the clause's topic
_CALLED = re.compile(r"^(?:一[家个個座所栋棟])?(?:名为|名為|名叫|叫做|取名为|取名為)[“\"]?(?P<name>[^“”\"，,。；;的\s]{2,14}?)[”\"]?的")


# 以携程为例,其2025年在长宁缴纳税款约38亿元: the example taken is what the sentence goes on about (其 is its)
_EXAMPLE = re.compile(r"以(?P<name>[^，,。；;\s]{2,14}?)(?:为例|為例)")


# a place or thing named in quotation marks as the clause's subject, perhaps after what describes it: "位于长风生态商务区
# 的“天安千树”是其中的代表", "另一处由老厂房改造而来的“M50创意园”,园区面积...", "“东方美谷”已集聚...", a headline's
# "沪闵行“大零号湾”聚集硬科技企业逾千家"
_QUOTED_TOPIC = re.compile(r"^(?:[^，,。；;“”\n]{0,24}?的|(?:沪|滬|上海)?(?:" + alternation(_D["districts"]) + r")(?:新区|新區|区|區)?)?"
                           r"“(?P<name>[^“”，,。；;、\s]{2,12})”(?=是|为|為|已|目前|共|集聚|聚集|$|[，,])")


def _named_by_class(head: str) -> str | None:
    """区内龙头企业商汤科技目前...: the name after its class noun, up to a time word or verb; a metric after a class
    noun (重点企业营业收入) is no name."""
    lead = _CLASS_LEAD.match(head)
    if not lead or lead.end() == len(head):
        return None
    rest = head[lead.end():]
    name = _name_at(rest)
    if name:
        return name
    a = _APPOSITIVE_TOPIC.match(rest)
    if a and lead.group() not in _CUES["name_classes"][-2:] and not _NOT_A_NAME_WORD.search(a.group("name")):
        return a.group("name")
    return None


_BACK = re.compile(r"^(?:全|该|該|本)(?P<head>镇|鎮|街道|乡|鄉)")
_PLACE_BEFORE = {h: re.compile(r"(?<![全该該本城乡鄉村集])(?P<name>[\u4e00-\u9fff]{2,4}?" + h + ")") for h in ("镇", "鎮", "街道", "乡", "鄉")}


def _place_named_before(text: str, start: int, head: str) -> str | None:
    """全镇, 该镇 (the whole town, this town) point back to the town last named before them (in 300 characters)."""
    found = None
    for found in _PLACE_BEFORE[head].finditer(text, max(0, start - 300), start):
        pass
    if found is None:
        return None
    name = re.split(r"[区區县縣市]", found.group("name"))[-1]  # (奉贤区)金汇镇: the town, not the district before it
    return name if len(name) > len(head) and not name.endswith(_COMMON) else None


def clause_topic(text: str, start: int, end: int, known: list[str], after_appositive: bool = False,
                 time_at: int | None = None, heads_sentence: bool = False) -> str | None:
    """The subject a clause names at its head: an English district name, "Shanghai", "district" (the document's own
    district), a name as written, or None. ``time_at`` is where a time phrase inside the clause starts (the topic
    comes before it); ``heads_sentence`` whether the clause is its sentence's first."""
    return clause_topic_with_rule(text, start, end, known, after_appositive, time_at, heads_sentence)[0]


def _introduced(head: str) -> tuple[str, str] | None:
    """A name the clause introduces as such: after its class (区内龙头企业商汤科技), by 名为 (一家名为“柔漾生物”的企业),
    or as the example taken (以携程为例)."""
    named = _named_by_class(head)
    if named:
        return named, "named_by_class"
    called = _CALLED.match(head)
    if called:
        return called.group("name"), "named_as"
    example = _EXAMPLE.fullmatch(head.rstrip("，,:： "))
    if example and not _DISTRICT.fullmatch(example.group("name")):
        return example.group("name").strip("“”\"《》"), "example"
    return None


def clause_topic_with_rule(text: str, start: int, end: int, known: list[str], after_appositive: bool = False,
                           time_at: int | None = None, heads_sentence: bool = False) -> tuple[str | None, str]:
    """``clause_topic``, and the name of the fact that found it ("bare_head", "topic_before_time", "name" ...)."""
    head = text[start:end]
    quoted = _QUOTED_TOPIC.match(head)
    if quoted:
        return quoted.group("name"), "quoted_name"
    dateline = DATELINE.match(head)
    lead = _LEAD.match(head, dateline.end() if dateline else 0)
    skipped = lead.end() if lead else (dateline.end() if dateline else 0)
    head = head[skipped:]
    if not head:
        return None, "none"
    back = _BACK.match(head)
    if back:
        return _place_named_before(text, start, back.group("head")), "town_pointed_back"
    introduced = _introduced(head)
    if introduced:
        return introduced
    bare = _BARE_HEAD.match(head)
    if bare:
        return named_before(text, start, bare.group("head") or bare.group("area")), "bare_head"
    own = _OWN.match(head)
    if own:
        if head.startswith(("的", "的"), own.end()):  # 区内的上海电气临港基地...: the district's, then a name
            name = _name_at(head[own.end() + 1:])
            if name:
                return _without_district(name), "head_word_name"
        return "district", "district_word"
    item = _LIST_ITEM.match(head) or (_TASK_HEAD.match(head) if heads_sentence else None) or _WE_TASK.match(head)
    if item:
        return _task_object(head[item.end():]), "task_object"
    if after_appositive:
        a = _APPOSITIVE_TOPIC.match(head)
        if a:
            return a.group("name"), "appositive"
    name = _name_at(head)
    if name:
        return _without_district(name), "head_word_name"
    place = _LOCATIVE.fullmatch(head.rstrip("，, "))
    if place:
        return _locative_topic(place.group("place"))
    if time_at is not None and time_at > start + skipped:
        timed = topic_before_time(text[start + skipped:time_at])
        if timed:
            return timed, "topic_before_time"
    return _known_or_place(head, known)


# 在临港新片区, 在张江,: a clause that is only a place after 在 (at, in) sets where what follows happens
_LOCATIVE = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,14})")
_NOT_PLACE_END = ("方面", "领域", "領域", "基础上", "背景下", "过程中", "期间", "上", "中", "下", "里", "内", "后", "前", "时")


def _locative_topic(place: str) -> tuple[str | None, str]:
    """The subject a locative clause (在X,) names: a district or the city as such, else X when it is a name (with a
    head word, or short and neither a measure nor a pointer)."""
    if place.endswith(_NOT_PLACE_END) or _NOT_NAME.search(place[1:]):
        return None, "none"
    topic, how = _known_or_place(place, [])
    if topic is not None and (_DISTRICT.fullmatch(place) or _CITY_WORD.match(place)):
        return topic, how
    name = _name_at(place + "。")
    if name == place:
        return _without_district(name), "locative"
    if len(place) <= 6 and topic_before_time(place) == place:
        return place, "locative"
    return None, "none"


def name_heading(words: str) -> str | None:
    """The name by its head word at the start of ``words`` (中山公园商圈, 虹桥商圈今年...), as a topic would be named."""
    name = _name_at(words if len(words) > 1 and not words.endswith(tuple(_HEADS)) else words + "。")
    return _without_district(name) if name else None


def _task_object(rest: str) -> str | None:
    """一是加快X建设, 全力推进X建设: the X the task names."""
    n = _NAME.match(rest)
    if n and not _DIGIT_IN_NAME.search(n.group("name")):
        return n.group("name").strip("“”\"《》") + _part_of(rest[n.end():])  # 临港|新片区建设: the name runs on
    return None


def _without_district(name: str) -> str:
    if name.endswith(_INSTITUTION_HEADS):
        return name  # 松江区中心医院, 嘉定区第一人民医院: an institution named after its district keeps the district
    d = _DISTRICT.match(name)
    if d and name.endswith("片区"):
        return _D["districts"][d.group("name")]  # 长宁片区 is the district's own part
    if d and d.group("suffix") and len(name) - d.end() >= 3:
        return name[d.end():]  # 宝山区吴淞创新城: the place is named without its district
    return name


def _known_or_place(head: str, known: list[str]) -> tuple[str | None, str]:
    """An area named before with its area word, a district, or the city, at the head of the clause."""
    for k in known:
        if head.startswith(k):
            return k, "area_named_before"
    d = _DISTRICT.match(head)
    if d:
        return _D["districts"][d.group("name")], "district_name"
    c = _CITY.match(head)
    if c:
        d = _DISTRICT.match(head[c.end():])
        return (_D["districts"][d.group("name")], "district_name") if d else (_D["city"], "city")
    return None, "none"


_INSTITUTION_HEADS = tuple(_CUES["entity_heads"]["institution"])
# a head word standing alone for the name it ends (示范区 for 虹桥临空经济示范区, 商圈内 for 南京西路商圈): the
# park and area heads of two characters or more, longest first
_BARE_HEADS = sorted({h for h in _CUES["entity_heads"]["park"] if len(h) >= 2}, key=len, reverse=True)
# 区域 地区 stand for a named zone only after a pointer (该区域): alone they are common words (区域经济)
_BARE_HEAD = re.compile(r"^(?:(?:该|該|本|全)?(?P<head>" + alternation(_BARE_HEADS + _CUES["generic_park_heads"]) + r")"
                        r"|(?:该|該|本)(?P<area>" + alternation(_CUES["pointed_area_words"]) + r"))(?:内|內)?(?=[\u4e00-\u9fff])")
_GENERIC_HEADS = set(_CUES["generic_park_heads"] + _CUES["pointed_area_words"])
_ANY_PARK_HEAD = re.compile(alternation(_BARE_HEADS))
_CLAUSE_MARK = re.compile(r"[，,、：:。；;！？\n】]")


def named_before(text: str, start: int, head: str) -> str | None:
    """Chinese names a park, zone or area in full once, then by its head word alone (示范区, 该园区, 商圈内): the bare
    head points back to the last name before it (in 1,500 characters) that ends in that head word and heads its
    clause; a generic one (园区, 该区域, 片区) to the last park or zone named, whatever its head (桃浦智创城...目前园区已)."""
    lo = max(0, start - 1500)
    if head in _GENERIC_HEADS:
        ends = [m.end() for m in _ANY_PARK_HEAD.finditer(text, lo, start)]
    else:
        ends = [m.end() for m in re.finditer(re.escape(head), text[lo:start])]
        ends = [lo + e for e in ends]
    for end in reversed(ends):
        c0 = _clause_start_before(text, end, lo)
        clause = text[c0:end + 1]
        lead = _LEAD.match(clause)
        body = clause[lead.end():] if lead else clause
        task = _WE_TASK.match(body)
        name = _task_object(body[task.end():]) if task else _name_at(body)
        if name and (name.endswith(head) or head in _GENERIC_HEADS) and len(name) > len(head) and name not in _GENERIC_HEADS:
            return _without_district(name)
    return None


def _clause_start_before(text: str, at: int, lo: int) -> int:
    found = None
    for found in _CLAUSE_MARK.finditer(text, max(lo, at - 30), at):
        pass
    return found.end() if found else max(lo, at - 30)


# words that end a measure, not a name: a noun phrase ending in one before a time phrase is a metric (工业投资1-8月)
_MEASURE_ENDS = tuple(_CUES["attribute_heads"] + _CUES["topic_measure_ends"])


_SECTOR_ENDS = ("产业", "產業", "行业", "行業", "制造业", "製造業", "服务业", "服務業")
_POINTERS = ("该", "該", "本", "全", "其", "各", "我")  # 该区上半年...: a word pointing back, not a name
_CLAUSE_VERBS = tuple(_CUES["clause_verbs"])  # 建议今年...: a verb before the time, not a topic
_CITY_WORD = re.compile("(?:" + alternation(_D["city_words"]) + ")(?:市|市区)?$")


def topic_before_time(words: str) -> str | None:
    """Chinese says the topic, then the time, then the predicate (上海石化全年实现..., 上汽大众1-8月整车产量...): a
    short name right before a time phrase at the head of a clause is the clause's topic, though it has no head word;
    unless it is the district or the city (handled as such), a word pointing back (该区), a class of things, or a
    measure. A sector there (汽车制造业1-8月...) is the district's own: a sector total stays with the district."""
    words = words.strip(" “”\"")
    if words.endswith(("从", "從", "由", "自")):
        words = words[:-1]  # 员工从2021年的300余人增加到...: from a time, said of what is measured
    if not 2 <= len(words) <= 10 or not all("\u4e00" <= ch <= "\u9fff" for ch in words) or words.startswith(_CLAUSE_VERBS):
        return None
    if words.endswith(_SECTOR_ENDS) and not _NOT_NAME.search(words):
        return "district"  # 汽车制造业1-8月完成产值...: a sector's total stays with the district
    if (_NOT_NAME.search(words) or _OWN.match(words) or _DISTRICT.match(words) or _CITY_WORD.match(words)
            or words.startswith(_POINTERS) or words.endswith(_MEASURE_ENDS) or "的" in words or _is_category(words)):
        return None
    return words


_ENTRY_TITLE = re.compile(r"(?:年鉴|年鑑)[^·•・\n]{0,12}[·•・]\s*(?P<name>[^\s·•・]{3,24})\s*$")


def entry_topic(title: str | None) -> str | None:
    """A yearbook entry titled after a park, zone or organisation ("长宁年鉴(2022)·虹桥临空经济示范区") is about it:
    its figures are that place's unless a clause names another (全区 is still the district); an entry on a theme
    (·经济综述) names no place."""
    m = _ENTRY_TITLE.search(title or "")
    if not m:
        return None
    name = _name_at(m.group("name") + "。")
    return _without_district(name) if name and name == m.group("name") else None


def is_appositive(text: str, start: int, end: int) -> bool:
    """A clause "作为X的Y" describes the topic of the clause after it."""
    return text.startswith(("作为", "作為"), start)


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


_MOST_NAMES = 300  # names compared pairwise: a text naming more (a long table) keeps its names, so cost stays linear


def full_names(quantities: list[Quantity], targets: list[Target]) -> None:
    """A name shortened after its full mention (上海湾区高新技术产业开发区, then 湾区高新区; 紫竹国家高新技术产业开发区,
    紫竹高新区) keeps the full name's characters in order and its head word: the figures of both are one subject's, by
    its full name. A short form drops at least three characters; names a character or two apart are other places
    (枫泾镇 the town, 枫泾古镇 its old town)."""
    names = {x.subject for x in quantities if x.subject and not x.subject.isascii()}
    if len(names) > _MOST_NAMES:
        return
    full = {}
    for short in names:
        longer = [n for n in names if len(n) >= len(short) + 3 and n[-1] == short[-1] and _subsequence(short, n)]
        if len(longer) == 1:
            full[short] = longer[0]
    for q in quantities:
        if q.subject in full:
            q.subject, q.why["subject"] = full[q.subject], "subject.full_name"
    for t in targets:
        if t.subject in full:
            t.subject = full[t.subject]
