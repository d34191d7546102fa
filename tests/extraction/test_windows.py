"""The English rules read a figure's context (``extraction/figure.py``: its sentence, ``head`` and ``rest``, the words
``before`` and ``after`` it, its clause), not windows of their own cut at fixed offsets (``text[q.end:q.end + 60]``):
a window's edge falls anywhere, in a word or past the sentence, and its width is a guess written once per rule.

Where a look-back must be bounded (numbers and time phrases are read before sentences exist; a helper that pairs two
figures knows no sentence), the bound is a named constant with the reason beside it (``numbers._LEAD_REACH``,
``quantities._COMPARATIVE_REACH``...), which this test does not see. ``lang/zh`` is its own pack and not checked here.
"""

from __future__ import annotations

import re
from pathlib import Path

import hqd.extraction

ROOT = Path(hqd.extraction.__file__).parent
# a literal offset of two digits or more from a start or an end, or any from a figure's own start or end
FIXED_WINDOW = re.compile(r"q\.start ?- ?[0-9]+|q\.end ?\+ ?[0-9]+|start ?- ?[0-9]{2}|end ?\+ ?[0-9]{2}")


def _windows() -> list[str]:
    return [f"{path.name}:{n}: {line.strip()}" for path in sorted(ROOT.glob("*.py"))
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if FIXED_WINDOW.search(line)]


def test_the_pattern_sees_a_window():
    assert FIXED_WINDOW.search("after = f.text[f.q.end:f.q.end + 60]")
    assert FIXED_WINDOW.search("before = text[max(0, start - 30):start]")
    assert not FIXED_WINDOW.search("before = text[max(0, start - _LEAD_REACH):start]")


def test_no_rule_cuts_a_window_at_a_fixed_offset():
    found = _windows()
    assert found == [], ("read the figure's context (f.head, f.rest, f.before, f.after, f.clause_before), or name the "
                         "bound as a constant with why:\n" + "\n".join(found))
