"""Focus mode (F8): everything but the current question or answer is dimmed, the dimming
moves with the structure keys, and the choice is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from qa_reader.themes import theme_for
from qa_reader.ui.actions import ActionId
from qa_reader.ui.highlight_colours import highlight_colours
from qa_reader.ui.main_window import MainWindow
from qa_reader.ui.reader_view import HighlightLayer

from .conftest import Launcher, restart
from .navigation_helpers import ALT, press


def undimmed_text(window: MainWindow) -> str:
    """The text the focus-mode selections leave alone."""
    plain = window.view.toPlainText()
    dimmed = [False] * len(plain)
    for selection in window.view.highlights(HighlightLayer.FOCUS_DIM):
        for index in range(selection.cursor.selectionStart(), selection.cursor.selectionEnd()):
            dimmed[index] = True
    return "".join(ch for ch, off in zip(plain, dimmed, strict=True) if not off).strip()


def test_focus_mode_dims_all_but_the_current_answer_and_moves(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    document = window.document
    assert document is not None
    assert window.view.highlights(HighlightLayer.FOCUS_DIM) == []
    with qtbot.assert_not_emitted(window.view.html_shown):  # dimming never re-renders
        press(qtbot, Qt.Key.Key_F8)
    assert window.reader_actions[ActionId.FOCUS_MODE].isChecked()
    # At the top the question is current: its title and details stay bright.
    kept = undimmed_text(window)
    assert kept.startswith(document.questions[0].title)
    assert document.questions[0].answers[0].paragraphs[0] not in kept
    press(qtbot, Qt.Key.Key_Down, ALT)
    press(qtbot, Qt.Key.Key_Down, ALT)
    kept = undimmed_text(window)
    second = document.questions[0].answers[1]
    assert kept.startswith("Answer 2 of 4")
    assert second.paragraphs[0] in kept
    assert document.questions[0].title not in kept
    assert document.questions[0].answers[2].paragraphs[0] not in kept
    colour = window.view.highlights(HighlightLayer.FOCUS_DIM)[0].format.foreground().color()
    assert colour == highlight_colours().dimmed_text
    press(qtbot, Qt.Key.Key_F8)
    assert window.view.highlights(HighlightLayer.FOCUS_DIM) == []


def test_focus_mode_is_remembered(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    press(qtbot, Qt.Key.Key_F8)
    window = restart(window, start_app)
    assert window.reader_actions[ActionId.FOCUS_MODE].isChecked()
    assert window.view.highlights(HighlightLayer.FOCUS_DIM) != []


def test_highlight_colours_follow_the_theme(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    press(qtbot, Qt.Key.Key_F8)
    window._preferences.update(theme="dark")  # as the Preferences dialog does on OK
    dark = theme_for("dark")
    qtbot.wait_until(lambda: highlight_colours().dimmed_text == QColor(dark.dimmed_text))
    colours = highlight_colours()
    assert colours.match_background == QColor(dark.find_background)
    assert colours.current_background == QColor(dark.find_current_background)
    # Focus mode re-dims the page drawn in the new colours.
    qtbot.wait_until(lambda: any(
        selection.format.foreground().color() == QColor(dark.dimmed_text)
        for selection in window.view.highlights(HighlightLayer.FOCUS_DIM)
    ))
