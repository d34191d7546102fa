"""No function of the extractor is a long chain of branches: each has a cyclomatic complexity of at most ``LIMIT`` (radon's
count, the figure ``radon cc`` prints). A decision with many cases is an ordered table of small named rules
(``extraction/rules.py``), not one function with a branch per case.

A function allowed above the limit would be listed in ``KNOWN`` with its figure: a ratchet, so it may fall but never
rise. When this test landed no function needed one.
"""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class

import hqd.extraction

LIMIT = 25
ROOT = Path(hqd.extraction.__file__).parent

# path under extraction/ and qualified name -> its complexity when this test landed (may not rise)
KNOWN: dict[str, int] = {}  # none: every function was at or below the limit when this test landed (05:40 UTC)


def _complexities() -> dict[str, int]:
    """Every function and method under extraction/, by 'path:Class.name', with its cyclomatic complexity."""
    found: dict[str, int] = {}
    for path in sorted(ROOT.rglob("*.py")):
        for block in cc_visit(path.read_text("utf-8")):
            if isinstance(block, Class):
                continue  # its methods come as blocks of their own
            name = f"{block.classname}.{block.name}" if block.classname else block.name
            key = f"{path.relative_to(ROOT).as_posix()}:{name}"
            found[key] = max(found.get(key, 0), block.complexity)
    return found


def test_the_count_sees_the_extractor():
    found = _complexities()
    assert "rules.py:RuleTable.run" in found and "metrics.py:metric_of" in found, sorted(found)[:20]


def test_no_function_is_more_complex_than_the_limit():
    too_complex = {key: figure for key, figure in _complexities().items() if figure > max(LIMIT, KNOWN.get(key, 0))}
    assert not too_complex, (
        f"functions above cyclomatic complexity {LIMIT} (or above their figure in KNOWN): {too_complex}; "
        "split the decision into named rules or helpers")


def test_a_branch_chain_is_caught():
    chain = "def f(x):\n" + "".join(f"    if x == {k}:\n        return {k}\n" for k in range(LIMIT + 1)) + "    return None\n"
    (block,) = cc_visit(chain)
    assert block.complexity > LIMIT


# Issue 13: "no extraction function longer than about 60 lines". Lines from `def` to the last line, docstring and
# comments included; the longest when this test landed was 64 (lang/zh/periods.py:assign_periods). v1's were 92-153.
LENGTH_LIMIT = 70


def test_no_function_is_longer_than_about_sixty_lines():
    too_long = {}
    for path in sorted(ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > LENGTH_LIMIT:
                too_long[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = node.end_lineno - node.lineno + 1
    assert not too_long, f"functions longer than {LENGTH_LIMIT} lines: {too_long}; split them into named steps"
