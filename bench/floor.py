"""The floor: the smallest PySide6 program that shows the same document.

QApplication, QMainWindow, QTextBrowser, setHtml, show. Every figure of the app is
reported as a ratio to this program measured in the same run.

    python bench/floor.py PAGE.html                   # quit after the first paint
    python bench/floor.py PAGE.html --steps 20        # also: open and size-step figures

The HTML is what the app's renderer makes of the document (written by bench/run.py),
so both programs lay out the same text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class _QuitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def _window(app: QApplication) -> tuple[QMainWindow, QTextBrowser]:
    window = QMainWindow()
    view = QTextBrowser(window)
    window.setCentralWidget(view)
    font = QFont(view.font())
    font.setPointSizeF(16)  # the app's default reading size
    view.setFont(font)
    # The size the app opens with on a first start (80 % × 85 % of the screen).
    available = app.primaryScreen().availableGeometry()
    window.resize(min(1100, round(available.width() * 0.8)),
                  min(860, round(available.height() * 0.85)))
    return window, view


def start(html: str) -> int:
    app = QApplication(sys.argv[:1])
    window, view = _window(app)
    view.setHtml(html)
    watcher = _QuitOnFirstPaint()
    view.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


def measure(html: str, steps: int) -> int:
    # Imported here so the start-up figure of the floor stays the bare program's.
    sys.path.insert(0, str(Path(__file__).parent))
    from probe_common import measure_steps, report, settle, timed_until

    app = QApplication(sys.argv[:1])
    window, view = _window(app)
    window.show()
    settle(app, view)
    open_ms, _block = timed_until(app, view, lambda: view.setHtml(html), lambda: False)
    settle(app, view)

    def step(direction: int) -> None:
        font = QFont(view.font())
        font.setPointSizeF(font.pointSizeF() + 2 * direction)
        view.setFont(font)

    result: dict[str, object] = {"open_ms": open_ms}
    result.update(measure_steps(app, view, step, steps))
    report(result)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--steps", type=int, default=0)
    args = parser.parse_args()
    html = args.html.read_text(encoding="utf-8")
    return measure(html, args.steps) if args.steps else start(html)


if __name__ == "__main__":
    sys.exit(main())
