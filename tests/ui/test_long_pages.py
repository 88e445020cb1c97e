"""A very long page opens in steps: the window keeps answering, a progress bar shows, and
the page that arrives is the same as one shown at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox, QProgressBar
from pytestqt.qtbot import QtBot

from qa_reader.document import Document
from qa_reader.importers import load
from qa_reader.render import render_page
from qa_reader.ui import background_load, reader_view
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher
from .navigation_helpers import caret_block_text, position


def long_page(path: Path, answers: int) -> Path:
    text = "\n\n".join(
        f"Answer number {n} says: " + "rest, drink water and see your doctor if it lasts. " * 8
        + f"\n-- Dr. Number {n}"
        for n in range(1, answers + 1)
    )
    path.write_text(
        f"Is this a long page?\n\nDoctors Answers ({answers})\n\n{text}\n\n"
        "Disclaimer: General information only.\n",
        encoding="utf-8",
    )
    return path


def building(window: MainWindow) -> bool:
    return window.view.loading


def blocks(document: QTextDocument) -> list[tuple[str, int, list[str]]]:
    found = []
    block = document.begin()
    while block.isValid():
        names: list[str] = []
        fragments = block.begin()
        while not fragments.atEnd():
            names += fragments.fragment().charFormat().anchorNames()
            fragments += 1
        found.append((block.text(), block.blockFormat().headingLevel(), names))
        block = block.next()
    return found


def test_a_long_page_is_built_in_steps_while_the_window_answers(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A smaller threshold keeps the test quick; the steps are the same as for 10 MB.
    monkeypatch.setattr(reader_view, "INCREMENTAL_PAGE_CHARS", 50_000)
    monkeypatch.setattr(reader_view, "PAGE_RUN_CHARS", 20_000)
    page = long_page(tmp_path / "long.txt", answers=400)
    window = start_app()
    progress = window.findChild(QProgressBar, "loading_indicator")
    assert progress is not None and not progress.isVisible()
    events: list[str] = []  # what happened, in order: progress reports and timer ticks
    timer = QTimer(window)
    timer.timeout.connect(lambda: events.append("tick"))
    timer.start(0)
    reported: list[int] = []
    window.view.loading_progress.connect(reported.append)
    window.view.loading_progress.connect(lambda percent: events.append(f"{percent}%"))

    assert window.open_path(str(page))
    assert window.view.loading and progress.isVisible()
    with qtbot.wait_signal(window.view.html_shown, timeout=10_000):
        pass
    timer.stop()

    assert not progress.isVisible()
    assert reported[0] == 0 and reported[-1] == 100 and len(reported) > 5
    assert reported == sorted(reported)
    # Other events were handled between every two steps: the window kept answering.
    steps = "".join("s" if event.endswith("%") else "t" for event in events)
    assert "ss" not in steps.strip("t")[1:-1]
    expected = QTextDocument()
    expected.setHtml(render_page(load(str(page))).html())
    assert blocks(window.view.document()) == blocks(expected)
    # The structure keys know the new page.
    window.reader_actions[ActionId.GO_DISCLAIMER].trigger()
    assert position(window) == "Medical disclaimer"
    assert caret_block_text(window) == "Medical disclaimer"


def test_opening_another_page_while_building_shows_the_other_page(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_view, "INCREMENTAL_PAGE_CHARS", 50_000)
    monkeypatch.setattr(reader_view, "PAGE_RUN_CHARS", 20_000)
    window = start_app()
    assert window.open_path(str(long_page(tmp_path / "long.txt", answers=400)))
    assert building(window)
    short = tmp_path / "short.txt"
    short.write_text("A short one?\n\nAnswers (1)\n\nYes.\n", encoding="utf-8")

    assert window.open_path(str(short))

    assert not building(window)
    assert window.view.document().toPlainText().startswith("A short one?")
    progress = window.findChild(QProgressBar, "loading_indicator")
    assert progress is not None and not progress.isVisible()


def test_a_large_file_is_read_while_the_window_answers(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background_load, "LARGE_FILE_BYTES", 1_000)
    window = start_app()
    page = long_page(tmp_path / "large.txt", answers=50)
    other = long_page(tmp_path / "other.txt", answers=3)
    progress = window.findChild(QProgressBar, "loading_indicator")
    assert progress is not None
    seen: list[tuple[bool, bool]] = []  # (bar shown, second open accepted) while reading
    checked = threading.Event()

    def while_reading() -> None:
        seen.append((progress.isVisible(), window.open_path(str(other))))
        checked.set()

    real_load = background_load.load

    def slow_load(path: str) -> Document:
        # The worker thread waits until the window has handled a timer meanwhile.
        assert checked.wait(timeout=10)
        return real_load(path)

    monkeypatch.setattr(background_load, "load", slow_load)
    QTimer.singleShot(0, while_reading)

    assert window.open_path(str(page))

    assert seen == [(True, False)]
    assert window.document is not None and window.document.answer_count == 50
    assert not progress.isVisible()


def test_a_large_file_that_is_not_a_page_says_so_in_the_error_dialog(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background_load, "LARGE_FILE_BYTES", 1_000)
    window = start_app()
    shown = window.document
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "qa-reader/1", "title": ' + '"x" ' * 600, encoding="utf-8")

    assert not window.open_path(str(broken))

    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None and "broken.json" in box.text()
    assert window.document is shown
