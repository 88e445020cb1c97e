"""Find in page: Ctrl+F opens the bar, matches are counted and tinted, F3 / Enter go on and
wrap, Shift+F3 / Shift+Enter go back, Esc closes and returns to the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qa_reader.document import Answer, Document, Question
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow
from qa_reader.ui.reader_view import HighlightLayer

from .conftest import Launcher
from .navigation_helpers import press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = window.reading_tools.find_bar
    assert bar.isVisible()
    assert QApplication.focusWidget() is bar.field
    qtbot.keyClicks(bar.field, text)


def highlighted_texts(window: MainWindow, layer: HighlightLayer) -> list[str]:
    return [selection.cursor.selectedText() for selection in window.view.highlights(layer)]


def test_find_counts_highlights_and_wraps(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    bar = window.reading_tools.find_bar
    assert not bar.isVisible()
    open_find(qtbot, window, "FEVER")  # case-insensitive by default
    plain = window.view.toPlainText().lower()
    total = plain.count("fever")
    assert total >= 4
    assert bar.count_label.text() == f"1 of {total}"
    matches = highlighted_texts(window, HighlightLayer.FIND_MATCHES)
    assert len(matches) == total
    assert {text.lower() for text in matches} == {"fever"}
    assert [t.lower() for t in highlighted_texts(window, HighlightLayer.FIND_CURRENT)] == ["fever"]
    # Enter, F3 and Ctrl+G all go to the next match; the caret follows the match.
    press(qtbot, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {total}"
    press(qtbot, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"3 of {total}"
    press(qtbot, Qt.Key.Key_G, CTRL)
    assert bar.count_label.text() == f"4 of {total}"
    caret = window.view.textCursor().position()
    assert plain[caret:caret + 5] == "fever"
    for _ in range(total - 4):
        press(qtbot, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"{total} of {total}"
    press(qtbot, Qt.Key.Key_F3)
    assert bar.count_label.text() == f"1 of {total}"
    assert window.statusBar().currentMessage() == "Search wrapped to the top"
    # Backwards: Shift+Enter, Shift+F3, and wrapping to the bottom.
    press(qtbot, Qt.Key.Key_Return, SHIFT)
    assert bar.count_label.text() == f"{total} of {total}"
    assert window.statusBar().currentMessage() == "Search wrapped to the bottom"
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert bar.count_label.text() == f"{total - 1} of {total}"
    # More letters narrow the search and stay near the current match.
    qtbot.keyClicks(bar.field, "xyz")
    assert bar.count_label.text() == "No matches"
    assert window.view.highlights(HighlightLayer.FIND_MATCHES) == []


def test_match_case_and_escape(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    bar = window.reading_tools.find_bar
    open_find(qtbot, window, "Doctor")
    plain = window.view.toPlainText()
    insensitive = plain.lower().count("doctor")
    assert bar.count_label.text() == f"1 of {insensitive}"
    bar.match_case.click()
    sensitive = plain.count("Doctor")
    assert 0 < sensitive < insensitive
    assert bar.count_label.text() == f"1 of {sensitive}"
    bar.field.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.view
    assert window.view.highlights(HighlightLayer.FIND_MATCHES) == []
    # The match found last stays selected on the page, ready to copy.
    assert window.view.textCursor().selectedText() == "Doctor"


def test_f3_with_the_bar_closed_reopens_it_and_goes_on(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    bar = window.reading_tools.find_bar
    open_find(qtbot, window, "ibuprofen")
    assert bar.count_label.text().startswith("1 of ")
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_F3)
    assert bar.isVisible()
    assert bar.count_label.text().startswith("2 of ")


def test_find_counts_again_for_a_new_document(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    bar = window.reading_tools.find_bar
    open_find(qtbot, window, "tea")
    words = " ".join(["tea"] * 7)
    window.show_document(Document("Tea", (Question("Tea?", words, (Answer(words),)),)))
    # The title, the question's details and the answer: 1 + 7 + 7.
    assert bar.count_label.text() == "1 of 15"
    assert len(window.view.highlights(HighlightLayer.FIND_MATCHES)) == 15


def test_escape_closes_the_find_bar_before_leaving_full_screen(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    full_screen = window.reader_actions[ActionId.FULL_SCREEN]
    press(qtbot, Qt.Key.Key_F11)
    qtbot.wait_until(window.isFullScreen)
    assert full_screen.isChecked()
    open_find(qtbot, window, "fever")
    window.view.setFocus()  # Esc on the page too closes the bar first
    press(qtbot, Qt.Key.Key_Escape)
    assert not window.reading_tools.find_bar.isVisible()
    assert window.isFullScreen()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not window.isFullScreen())
    assert not full_screen.isChecked()
    press(qtbot, Qt.Key.Key_F11)
    qtbot.wait_until(window.isFullScreen)
    press(qtbot, Qt.Key.Key_F11)
    qtbot.wait_until(lambda: not window.isFullScreen())
