"""Reading a large file without freezing the window.

Importing a 10 MB page takes about a third of a second of pure Python. For large files it
runs in a worker thread while a local event loop keeps the window painting and answering;
the caller still gets the document (or the importer's error) as a plain return value.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal

from ..document import Document
from ..importers import load

T = TypeVar("T")

LARGE_FILE_BYTES = 3_000_000
"""Files at least this large are read in a worker thread (a 1 MB page takes about 30 ms)."""


class _Finished(QObject):
    # Emitted from the worker thread; Qt queues it to the thread that owns this object.
    done = Signal()


def run_responsively(work: Callable[[], T]) -> T:
    """`work()` in a worker thread while a local event loop keeps the window answering; its
    result, or its exception raised here. Only for Qt-free work (parsing, rendering)."""
    outcome: dict[str, object] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit)

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the caller's thread and raised there
            outcome["error"] = error
        finally:
            finished.done.emit()

    worker = threading.Thread(target=run, name="qa-reader-work", daemon=True)
    worker.start()
    loop.exec()  # until the worker's (queued) signal arrives, or the application quits
    worker.join()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    if "result" not in outcome:
        raise RuntimeError("the work was interrupted")
    return outcome["result"]  # type: ignore[return-value]  # set by work(), of type T


def load_responsively(
    path: str,
    busy: Callable[[bool], None] | None = None,
    prepare: Callable[[Document], None] | None = None,
) -> Document:
    """`importers.load(path)`, keeping the event loop running for large files.

    Raises whatever `load` raises. `busy(True)` / `busy(False)` frame the wait so the
    window can show that something is happening. For a large file, `prepare(document)` is
    called in the worker thread too (Qt-free work only, such as rendering the page).
    """
    try:
        size = os.stat(path).st_size
    except (OSError, ValueError):
        size = 0  # load() says what is wrong with the path
    if size < LARGE_FILE_BYTES:
        return load(path)

    outcome: dict[str, object] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit)

    def work() -> None:
        try:
            document = load(path)
            if prepare is not None:
                prepare(document)
            outcome["document"] = document
        except BaseException as error:  # handed to the caller's thread and raised there
            outcome["error"] = error
        finally:
            finished.done.emit()

    if busy is not None:
        busy(True)
    worker = threading.Thread(target=work, name="qa-reader-load", daemon=True)
    try:
        worker.start()
        # Runs until the worker's signal arrives (it is queued even if the worker is done
        # before this starts), or until the application quits.
        loop.exec()
        worker.join()
    finally:
        if busy is not None:
            busy(False)
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    document = outcome.get("document")
    if not isinstance(document, Document):
        raise RuntimeError(f"reading {path} was interrupted")
    return document
