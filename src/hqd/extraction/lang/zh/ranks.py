"""Rank claims in Chinese: "增速位居全市第一", "全市第二", "排名全国第3", "居中心城区首位".

Facts of Chinese encoded here: a rank is 第 and an ordinal after a scope (全市 the city, 全国 the nation) or after a
verb of standing (位居 位列 排名 居 列), or 首位 (first place); 第 before 产业 场 批 届 次 季度 is an ordinal of
something else. The claim's metric is what comes before the verb in its clause (增速, 平台交易总额).
"""

from __future__ import annotations

import re

from ....model import Rank, RankScope
from .metrics import strip_phrase
from .numerals import parse_chinese
from .segments import Segmentation

_CLAIM = re.compile(r"(?P<verb>位居|位列|排名|排在|居于|居|列)?(?P<scope>全市|全国|全區|全区|全省|中心城区|郊区|长三角|全球|全世界)?"
                    r"(?:各区)?(?:第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?(?![产場场批届次季期个項项章条节部])|(?P<first>首位))")


def find_ranks(text: str, seg: Segmentation, district: str | None) -> list[Rank]:
    out: list[Rank] = []
    for m in _CLAIM.finditer(text):
        if not (m.group("verb") or m.group("scope")):
            continue
        n = 1 if m.group("first") else (int(m.group("n")) if m.group("n").isdigit() else int(parse_chinese(m.group("n")) or 0))
        if not n:
            continue
        scope: RankScope = "nation" if m.group("scope") in ("全国", "全球", "全世界") else "city"
        c0 = seg.clause_start(m.start())
        metric = strip_phrase(text[c0:m.start()]) or text[c0:m.start()].strip(" 的") or None
        out.append(Rank(m.start(), m.end(), text[m.start():m.end()], n, metric, scope, district))
    return out
