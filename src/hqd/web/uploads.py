"""An upload's decoding and extraction run in a child process, which is killed when the request's budget runs out.

A thread cannot be stopped; a process can. One child is kept warm between uploads (starting one imports the
extractor, about a second); a child killed for its budget is replaced at once, in the background, so the next
upload does not pay for the start.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback

from ..errors import HqdError, SourceError
from .guard import OverBudget, time_left


class UploadSourceError(SourceError):
    """A SourceError raised in the child, carried back as its message."""

    def __init__(self, message: str) -> None:
        HqdError.__init__(self, message)
        self.path, self.problem = "upload", message


class ExtractionCrashed(HqdError):
    """The extractor raised an unexpected exception or its process died: a bug, answered 500."""


def _child(conn) -> None:
    from ..extraction import extract_source  # imported before the first upload arrives
    from ..sources import source_from_bytes

    conn.send(("ready", None))
    while True:
        try:
            source, raw, is_html = conn.recv()
        except EOFError:
            return
        try:
            reply = ("ok", extract_source(source_from_bytes(source, raw, is_html=is_html)))
        except SourceError as exc:
            reply = ("source", str(exc))
        except Exception as exc:  # a bug in the extractor: its name and place go back for the server's log
            reply = ("crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-4)}")
        conn.send(reply)


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy the server's threads and locks
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_child, args=(child_end,), daemon=True, name="hqd-extract")
        self.process.start()
        child_end.close()
        self.ready = False

    def wait_ready(self, timeout: float | None) -> bool:
        """True once the child has imported the extractor (a second or more on a busy machine)."""
        if not self.ready and self.conn.poll(timeout):
            self.ready = self.conn.recv()[0] == "ready"
        return self.ready

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Extractors:
    def __init__(self, keep: int = 1) -> None:
        self.keep = keep
        self.idle: list[_Worker] = []
        self.lock = threading.Lock()

    def extract(self, source: str, raw: bytes, is_html: bool):
        """The Document for an upload, within the current request's time budget (OverBudget past it)."""
        with self.lock:
            worker = self.idle.pop() if self.idle else None
        if worker is None or not worker.process.is_alive():
            worker = _Worker()
        try:
            left = time_left()
            if not worker.wait_ready(None if left is None else max(0.0, left)):
                self._keep(worker)  # still starting, on no one's text: kept for the next upload, not killed
                raise OverBudget("the extraction process was still starting when the time budget ran out")
            worker.conn.send((source, raw, is_html))
            left = time_left()
            if not worker.conn.poll(None if left is None else max(0.0, left)):
                worker.kill()
                threading.Thread(target=self._replenish, daemon=True).start()
                raise OverBudget("extraction ran past the time budget")
            status, value = worker.conn.recv()
        except (EOFError, OSError) as exc:
            worker.kill()
            raise ExtractionCrashed(f"the extraction process died ({exc or type(exc).__name__})") from None
        self._keep(worker)
        if status == "ok":
            return value
        if status == "source":
            raise UploadSourceError(value)
        raise ExtractionCrashed(f"extraction failed: {value}")

    def _replenish(self) -> None:
        self._keep(_Worker())

    def _keep(self, worker: _Worker) -> None:
        with self.lock:
            if len(self.idle) < self.keep:
                self.idle.append(worker)
                return
        worker.kill()

    def close(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.kill()

