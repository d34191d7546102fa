"""Patterns compiled when first used, not when the extractor is imported.

The extraction modules compile some 280 patterns at module level; compiling them took about 85 ms of
CPU at every start of hqd, and a run over one short text uses about a third of them. While those
modules are imported (between :func:`start` and :func:`stop`), ``re.compile`` called from an
``hqd.extraction`` module returns a :class:`DeferredPattern` instead: it compiles on its first use
and then puts the compiled pattern in its module's namespace in its own place, so that the rules,
which look their patterns up there, use the real thing from then on. A deferred pattern held
elsewhere (in a list of patterns, or imported by name into another module) stays a thin stand-in
that hands every attribute over to the compiled pattern. The pattern text stays where it is written.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_compile = re.compile


class DeferredPattern:
    """A pattern compiled on first use; ``.pattern`` (its text) is there without compiling."""

    __slots__ = ("pattern", "_flags", "_namespace", "_compiled", "__dict__")

    def __init__(self, pattern: str, flags: int, namespace: dict[str, Any]) -> None:
        self.pattern = pattern
        self._flags = flags
        self._namespace = namespace
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(self.pattern, self._flags)
            namespace, self._namespace = self._namespace, None
            if namespace is not None:  # the module's own name for it now holds the compiled pattern
                for name, value in list(namespace.items()):
                    if value is self:
                        namespace[name] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # bound methods too: the next call finds them without coming here
        return value

    def __repr__(self) -> str:
        return f"DeferredPattern({self.pattern!r})"


def _deferring_compile(pattern, flags=0):
    caller = sys._getframe(1).f_globals
    if isinstance(pattern, str) and caller.get("__name__", "").startswith("hqd.extraction"):
        return DeferredPattern(pattern, flags, caller)
    return _compile(pattern, flags)


def start() -> None:
    """From now until :func:`stop`, patterns compiled at the top of an extraction module are deferred (only those: a
    call from any other module, in any thread, compiles at once)."""
    re.compile = _deferring_compile


def stop() -> None:
    re.compile = _compile
