"""The Chinese pack's cost grows linearly with its input, whatever the text's shape (no scan over earlier figures)."""

from __future__ import annotations

import time

import pytest

from hqd.extraction import extract_text

SHAPES = {
    "no punctuation": "全区实现地区生产总值100亿元同比增长5%比2019年同期增长3%其中碳谷绿湾产业园实现产值20亿元占全区的20%",
    "one endless sentence": "1-8月,全区规模以上工业总产值3128.6亿元,同比增长4.3%,增速比1-7月提高0.6个百分点,",
    "goal lists": "主要预期目标是:地区生产总值增长与全市保持同步,一般公共预算收入增长5%,力争新增企业3家,",
    "time phrases": "2023年上半年,1-8月,今年以来,去年同期,“十四五”以来,目前,到2025年,全区企业100家,",
    "milestones": "项目将于年内开工建设,确保年底前建成,力争明年投产,",
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extract_text(text, briefing_date="2023-08-22")
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_eight_times_the_text_costs_about_eight_times_as_much(shape):
    unit = SHAPES[shape]
    small, large = _seconds(unit * 100), _seconds(unit * 800)
    # quadratic work would cost 64 times as much; allow for a noisy shared machine
    assert large < 24 * max(small, 0.005), (shape, small, large)
