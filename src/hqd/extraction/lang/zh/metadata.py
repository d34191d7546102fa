"""A Chinese briefing's metadata: title, dates, district, session, series, theme and officials.

Facts of Chinese encoded here (examples in the tests):
- pages state their date after a label (发布时间 发文日期 时间 日期) as 2023年10月18日 or 2023-10-18, or on a line of its own
  or after the issuing office ("嘉定区统计局 2025年9月22日"), or in a short line of page furniture (来源：解放日报 2024-05-14,
  （2024年5月14日）), and an official document closes with its office and date (二〇二四年五月十四日): published;
- the briefing's day is "M月D日" (or 今天 / 今日 / 22日 in a story dated M月D日) in the sentence that says it was held
  (举行 ... 发布会); its year is the page's (a bare month and day with no year anywhere stays unknown);
- the session is 第N场 (第十五场 → 15, 第15场 → 15); the series is the quoted name before 系列; the theme the quoted
  name before (XX区)专场, the quoted name after 主题为, or the quoted name after 介绍 in the briefing's report; quotation marks (“” or, in Hong Kong
  and Taiwan, 「」) are not part of them;
- a work report is dated on the line under its title by the day it was delivered ("——2023年1月6日在...人民代表大会...上"):
  that is the day its text is dated (published); no briefing was held, so it is no briefing date (as the English pack
  reads "Delivered at ... on January 6, 2023");
- officials are written title then name ("长宁区委书记张伟介绍", "长宁区委副书记、区长侯继军,"): a title ends in
  书记 区长 主任 局长 ...; the name is the two to three characters before the verb or the comma;
- the district is the one the briefing is about ("XX区专场"), else the one the text names most.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ....model import Meta, Official
from .lexicon import alternation, load
from .numerals import parse_chinese

_D = load("districts")
_DISTRICT = re.compile(r"(?P<name>" + alternation(_D["districts"]) + r")(?:新区|新區|区|區)")
_DISTRICT_BARE = re.compile(alternation(_D["districts"]))
_LABEL_DATE = re.compile(r"(?:发布时间|發布時間|发布日期|發布日期|发文日期|發文日期|成文日期|时间|時間|日期|来源时间)\s*[:：|｜]?\s*[|｜]?\s*"
                         r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})")
# a page's date line: "2023-09-19 来源:东方网", "2023年05月16日 07:45 来源:新民晚报", or a date alone on its line
# (or after the office that issues it: "嘉定区统计局 2025年9月22日")
_HEAD_DATE = re.compile(r"(?m)^\s*(?:[\u4e00-\u9fff]{2,20}(?:统计局|統計局|调查队|調查隊|办公室|辦公室|人民政府|委员会|委員會)[ \u3000]+)?"
                        r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})日?"
                        r"(?:\s*[(（](?:星期|周)[一二三四五六日天][)）])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                        r"\s*(?:$|来源|來源|作者|编辑|字号|[|｜]|[^\n]{0,20}(?:记者|記者|报道|報道))"
                        # or after the source: "来源:浦东时报 | 2026-04-21 08:10"
                        r"|^\s*(?:来源|來源)[:：][^\n|｜]{1,20}[|｜]\s*(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})")
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_FULL = re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_MONTH_DAY = re.compile(r"(?<![\d年])(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_HELD = re.compile(r"举行|舉行|召开|召開")
_BRIEFING = re.compile(r"发布会|發布會|新闻发布|新聞發布|通气会|通氣會|吹风会|吹風會")
_TODAY = re.compile(r"今天|今日|(?<![\d月])(?P<d>\d{1,2})日(?:上午|下午|举行|舉行)")
_SESSION = re.compile(r"第(?P<n>[0-9]+|[一二三四五六七八九十百零两]+)场")
# quotation marks: “” and "" in the mainland, 「」 in Hong Kong and Taiwan
_SERIES = re.compile(r"[“\"「](?P<s>[^“”\"「」]{2,30})[”\"」]\s*系列")
_THEME = re.compile(r"[“\"「](?P<t>[^“”\"「」]{2,60}?(?:[‘'『][^’'』]*[’'』][^“”\"「」]*?)*)[”\"」]\s*(?:[\u4e00-\u9fff]{2,3}(?:新区|区))?专场")
# ——长宁区专场,主题为“建设国际精品城区,打造数字经济高地”: the theme named as such
_THEME_IS = re.compile(r"主题(?:为|為|是)[“\"「](?P<t>[^“”\"「」]{2,60})[”\"」]")
_THEME_INTRO = re.compile(r"介绍(?:[\u4e00-\u9fff]{2,3}(?:新区|区))?[“\"「](?P<t>[^“”\"「」]{2,60})[”\"」]")
_TITLE_HEAD = r"(?:书记|書記|区长|區長|市长|市長|主任|局长|局長|部长|部長|主席|秘书长|總經理|总经理|董事长|董事長|院长|院長|校长|校長|处长|處長|负责人|負責人|发言人|發言人|新闻发言人|委员|委員|行长|行長|总裁|總裁|署长|厅长|司长|镇长|鎮長|党委书记)"
_OFFICIAL = re.compile(r"(?P<title>[\u4e00-\u9fff、]{0,24}?" + _TITLE_HEAD + r")[ \u3000]?(?P<name>[\u4e00-\u9fff]{2,3}?)"
                       r"(?=[ \u3000]?(?:先生|女士|同志)|介绍|表示|指出|说|說|透露|出席|共同|回答|主持|发布|發布|强调|強調|认为|認為|称|稱|作|就|[，,、。；;(（\n])")
_NOT_NAME = set("的和与在是了等及上下中为对将")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# a time of day after a date: "时间:2021年7月22日 上午10时" is when a briefing was held, not a page's date
_HELD_AT = re.compile(r"日?\s*(?:上午|下午|晚上|\d{1,2}[时時])")  # not a page stamp (2023-10-18 03:12:58)


def _iso(y, m, d) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def extract_meta(text: str) -> Meta:
    meta = Meta()
    meta.title = _title(text)
    head = text[:4000].translate(_FULL_WIDTH_DIGITS)  # ２０２２年１１月０８日 is 2022年11月08日 (one for one)
    m = _LABEL_DATE.search(head) or _HEAD_DATE.search("\n".join(head.splitlines()[:6]))
    held = None
    if m and m["y"] and _HELD_AT.match(head, m.end()) and m.group().startswith(("时间", "時間")):
        held = _iso(m["y"], m["m"], m["d"])  # a transcript's 时间: line says when the briefing was held
    elif m:
        meta.published = _iso(m["y"], m["m"], m["d"]) if m["y"] else _iso(m["y2"], m["m2"], m["d2"])
    if not meta.published and not held:
        meta.published = _furniture_date(head.splitlines()[:8], meta.title) or _furniture_date(
            text[-300:].translate(_FULL_WIDTH_DIGITS).splitlines()[-4:], meta.title)
    delivered = _DELIVERED.search(head[:600])
    if delivered and not meta.published:
        meta.published = _iso(delivered["y"], delivered["m"], delivered["d"])
    meta.date = held or _briefing_date(head, meta.published)
    meta.district = _district(text, meta.title)
    briefing = _BRIEFING.search(head)
    if briefing:
        window = head[max(0, briefing.start() - 200):briefing.end() + 200]
        s = _SESSION.search(window)
        if s:
            n = s["n"]
            meta.session = int(n) if n.isdigit() else int(parse_chinese(n) or 0) or None
        series = _SERIES.search(head)
        if series:
            meta.series = series["s"]
        theme = _THEME.search(head) or _THEME_IS.search(head) or _THEME_INTRO.search(head)
        if theme and (not series or theme["t"] != series["s"]):
            meta.theme = " ".join(theme["t"].split())
        meta.officials = _officials(head)
    return meta


def _title(text: str) -> str | None:
    """The first line long enough to be a headline that is no page furniture: a breadcrumb (当前位置, 首页), an index
    table row (索引号 | ...), an item of a bulleted menu (• 输入网页链接): a headline is never a list item; nor the
    page's date line set above it (2024-05-14, 发布时间：2024-05-14 10:32, 2024年5月14日)."""
    for line in text.splitlines()[:12]:
        line = " ".join(line.split())
        digits = line.translate(_FULL_WIDTH_DIGITS)
        if _LABEL_DATE.match(digits) or _HEAD_DATE.match(digits):
            continue
        if (len(line) >= 8 and not line.startswith(("当前位置", "索引号", "首页", "返回", "•", "·", "▪", "●", "◆", "■", "- ", "* "))
                and "|" not in line):
            return line
    return None


# a date in digits (2024-05-14, 2024年5月14日, 2024/05/14) or in Chinese numerals, as official documents date themselves
# (二〇二四年五月十四日)
_ANY_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})日?"
                       r"|(?P<cy>[〇零一二三四五六七八九]{4})年(?P<cm>十[一二]?|[一二三四五六七八九])月(?P<cd>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日")
_TIME_OF_DAY = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
# the words page furniture puts around its date: labels, font-size buttons, the day of the week
_FURNITURE_WORDS = re.compile(r"来源|來源|作者|责任编辑|責任編輯|编辑|編輯|记者|記者|字号|字號|大中小|星期[一二三四五六日天]|周[一二三四五六日]|[\s:：|｜/()（）【】\[\]·•-]")
_TIME_WORD = re.compile(r"截至|截止|到|至|前|后|後|以来|以來|起|期间|期間")  # 截至2023年12月31日 dates a figure, not the page
_MOST_FURNITURE_CHARACTERS = 10  # a source, an author, an office or a place: a headline says more


def _furniture_date(lines: list[str], title: str | None) -> str | None:
    """A short line of page furniture holding one date and nothing of a sentence (来源：解放日报 2024-05-14, 责任编辑：李四
    2024年5月14日, （2024年5月14日）, 2024年5月14日 星期二, the office and date that close an official document:
    上海市闵行区人民政府 / 二〇二四年五月十四日) gives the day the page came out."""
    for line in lines:
        line = line.strip()
        if not line or line == title or len(line) > 60 or "。" in line or _HELD.search(line):
            continue
        dates = list(_ANY_DATE.finditer(line))
        if len(dates) != 1:
            continue
        rest = _FURNITURE_WORDS.sub("", _TIME_OF_DAY.sub("", line[:dates[0].start()] + line[dates[0].end():]))
        if len(rest) <= _MOST_FURNITURE_CHARACTERS and not re.search(r"\d", rest) and not _TIME_WORD.search(rest):
            return _date_of(dates[0])
    return None


def _date_of(m: re.Match) -> str | None:
    if m["y"]:
        return _iso(m["y"], m["m"], m["d"])
    year = "".join(str(int(parse_chinese(c) or 0)) for c in m["cy"])
    return _iso(year, int(parse_chinese(m["cm"]) or 0), int(parse_chinese(m["cd"]) or 0))


_DELIVERED = re.compile(r"(?m)^\s*[—-]*\s*(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*在[^\n]{0,60}?(?:大会|大會|会议|會議)")


def _briefing_date(head: str, published: str | None) -> str | None:
    if _DELIVERED.search(head[:600]):  # a work report: delivered at a congress, not a briefing
        return None
    for held in _HELD.finditer(head):
        s0 = max(head.rfind("。", 0, held.start()), head.rfind("\n", 0, held.start())) + 1
        s1 = min([i for i in (head.find("。", held.end()), head.find("\n", held.end())) if i >= 0] or [len(head)])
        sentence = head[s0:s1]
        if not _BRIEFING.search(sentence):
            continue
        full = _FULL.search(sentence)
        if full:
            return _iso(full["y"], full["m"], full["d"])
        if not published:
            return None
        year = int(published[:4])
        md = _MONTH_DAY.search(sentence)
        if md:
            return _iso(year, md["m"], md["d"])
        today = _TODAY.search(sentence)
        dateline = _MONTH_DAY.search(head[max(0, s0 - 300):s1])
        if today and dateline:
            day = today["d"] or dateline["d"]
            return _iso(year, dateline["m"], day)
        if today:  # "今天上午,...举行...发布会", "17日举行...通气会" in a story dated on its page: that day, that month
            return _iso(year, published[5:7], today["d"]) if today["d"] else published
        continue  # a headline saying a briefing was held (崇明区举行发布会) dates nothing: a later sentence may
    # a transcript dated on its page, whose host says "今天的发布会": held the day it was published
    if published and re.search(r"(?:今天|今日)的?(?:新闻)?发布会", head) and not _MONTH_DAY.search(head):
        return published
    return None


_CITY_TITLE = re.compile(r"上海市|本市|全市|上海(?=(?:19|20)\d{2}年)")


def _district(text: str, title: str | None = None) -> str | None:
    """The district a text is about: its 专场 (though the title is the city government's: 上海市人民政府新闻发布会文字实录),
    else the one it names most; none when its title names the city and no district ("2023年上海市国民经济和社会发展统计
    公报", "上海2022年GDP达4.47万亿元")."""
    special = re.search(r"(?P<name>" + alternation(_D["districts"]) + r")(?:新区|新區|区|區)?专场", text[:3000])
    if special:
        return _D["districts"][special["name"]]
    if title and _CITY_TITLE.search(title) and not _DISTRICT_BARE.search(title):
        return None
    counts = Counter(_D["districts"][m.group()] for m in _DISTRICT_BARE.finditer(text[:6000]))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _officials(head: str) -> list[Official]:
    out: list[Official] = []
    seen = set()
    for m in _OFFICIAL.finditer(head):
        name = m["name"]
        title = m["title"].lstrip("、")
        for lead in ("会上", "會上", "其中", "同时"):
            if title.startswith(lead):
                title = title[len(lead):]
        title = _INTRODUCED.sub("", title)  # 我们邀请到普陀区委书记: the host's words introducing the speaker
        if any(c in _NOT_NAME for c in name) or name in seen or len(title) < 2 or "发言人" in title or "主持" in title:
            continue  # the host of a briefing is not one of its speakers
        if _TITLE_END.search(name) or name in _SPEECH or name.startswith("作"):
            continue  # "负责人表示", "请倪耀明书记作介绍": the verb after a title is no name
        seen.add(name)
        out.append(Official(name, title))
    return out


_TITLE_END = re.compile(_TITLE_HEAD)
_SPEECH = {"表示", "介绍", "介紹", "指出", "透露", "强调", "強調", "认为", "認為", "说明", "說明"}
_INTRODUCED = re.compile(r"^.*(?:邀请到|邀請到|邀请了|邀請了|请到|請到|还有|還有|包括|分别是|分別是)")
