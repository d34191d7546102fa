"""One root exception; each subclass says what went wrong and how to fix it."""

from __future__ import annotations


class HqdError(Exception):
    """Root of every error hqd raises on purpose."""


class SourceError(HqdError):
    """A file could not be turned into a document."""

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        self.path = path
        self.problem = problem
        message = f"{path}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


class EmptySourceError(SourceError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "file is empty", "give a briefing with text in it")


class BinarySourceError(SourceError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "file looks binary, not text or HTML", "convert it to UTF-8 text or HTML first")


class UndecodableSourceError(SourceError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "text is neither UTF-8 nor GB18030", "re-save the file as UTF-8")


class SourceTooLargeError(SourceError):
    def __init__(self, path: str, size: int | None, limit: int) -> None:
        """``size`` None: a stream (stdin) that held more than ``limit`` bytes, read no further."""
        problem = f"more than {limit} bytes, over the limit (read no further)" if size is None else f"file is {size} bytes, over the {limit}-byte limit"
        super().__init__(path, problem, "split it or raise --max-bytes")


class UnreadableSourceError(SourceError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, f"cannot be read: {reason}", "check the path and its permissions")


class GoldFileError(HqdError):
    """A gold annotation file is malformed."""
