"""What the app probe and the floor probe measure the same way, inside one process.

A "step" is one text-size change as the reader makes it, timed from the request to the
end of the repaint of the visible page (relayout included). After each step the event
loop is run until the document's layout settles; the longest single pass through the
event loop in that time is the step's "block": how long the window could not react.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

SETTLE_PASSES = 30
"""Event-loop passes without a change in the document's laid-out size that count as settled."""
SETTLE_LIMIT_S = 60.0


class _Watchdog:
    """Measures how long the event loop goes without running a timer (nested loops too)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def settle(app: QApplication, view: QTextBrowser) -> float:
    """Runs the event loop until the view has nothing queued and its layout settles; returns
    the longest time in ms the event loop went without running a timer (see `_Watchdog`).
    (The app's view may replace its document meanwhile.)"""
    watchdog = _Watchdog()
    watchdog.start()
    unchanged = 0
    last = -1.0
    deadline = time.perf_counter() + SETTLE_LIMIT_S
    while unchanged < SETTLE_PASSES and time.perf_counter() < deadline:
        app.processEvents()
        # The scroll range follows the layout without forcing it (documentSize() would lay
        # out the whole page, half a second at 10 MB, and be counted as the app's block).
        height = float(view.verticalScrollBar().maximum())
        busy = bool(getattr(view, "settling", False))
        unchanged = unchanged + 1 if height == last and not busy else 0
        last = height
        time.sleep(0.001)  # let timers that lay out the rest in slices come due
    return watchdog.stop()


def timed_until(
    app: QApplication,
    view: QTextBrowser,
    action: Callable[[], None],
    busy: Callable[[], bool],
) -> tuple[float, float]:
    """(ms until `busy()` is over and the page repainted, longest time in ms the event loop
    could not run a timer: how long the window stopped answering)."""
    watchdog = _Watchdog()
    watchdog.start()
    started = time.perf_counter()
    action()
    app.processEvents()
    while busy():
        app.processEvents()
    view.viewport().repaint()
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, watchdog.stop()


def timed_step(
    app: QApplication, view: QTextBrowser, action: Callable[[], None]
) -> tuple[float, float]:
    """(ms until the page is repainted at the reader's place, longest event-loop pass in ms).

    The app lays a long page out in slices when the reader's place is far down
    (`ReaderView.relayout_pending`); the step ends when the place is reached and painted.
    """
    return timed_until(app, view, action, lambda: bool(getattr(view, "relayout_pending", False)))


def measure_steps(
    app: QApplication, view: QTextBrowser, step: Callable[[int], None], count: int
) -> dict[str, list[float]]:
    """`count` alternating steps (larger, smaller, …) from a third of the way down."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    settle(app, view)
    step_ms: list[float] = []
    block_ms: list[float] = []
    for index in range(count):
        direction = 1 if index % 2 == 0 else -1
        elapsed, longest = timed_step(app, view, partial(step, direction))
        step_ms.append(elapsed)
        block_ms.append(max(longest, settle(app, view)))
    return {"step_ms": step_ms, "block_ms": block_ms}


def peak_rss_mib() -> float:
    """This process's own peak resident memory in MiB.

    On Linux VmHWM, which starts afresh at exec: `ru_maxrss` would also count the memory
    of the parent the process was forked from (the benchmark runner, holding 10 MB pages).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report(result: dict[str, object]) -> None:
    result["peak_rss_mib"] = peak_rss_mib()
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
