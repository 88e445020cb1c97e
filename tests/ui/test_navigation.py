"""Moving by structure: Alt+Down/Up between answers, Alt+Home to the question, Alt+End to
the disclaimer; the status bar says where the reader is; the side panel (F9) lists the stops."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from qa_reader.ui.actions import ActionId

from .conftest import Launcher, restart
from .navigation_helpers import (
    ALT,
    caret_block_text,
    position,
    press,
    several_questions,
    top_block_text,
)


def test_structure_keys_walk_the_sample_and_say_where_the_reader_is(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    assert position(window) == "Question"
    for number in (1, 2, 3, 4):
        press(qtbot, Qt.Key.Key_Down, ALT)
        assert position(window) == f"Answer {number} of 4"
        # The caret is on the answer's heading, and that heading is at the top of the page.
        assert caret_block_text(window) == f"Answer {number} of 4"
        if number < 4:
            assert top_block_text(window) == f"Answer {number} of 4"
    press(qtbot, Qt.Key.Key_Down, ALT)  # no fifth answer: stay, and say so
    assert position(window) == "Answer 4 of 4"
    assert "no more answers" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert position(window) == "Answer 3 of 4"
    press(qtbot, Qt.Key.Key_End, ALT)
    assert position(window) == "Medical disclaimer"
    assert caret_block_text(window) == "Medical disclaimer"
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert position(window) == "Answer 4 of 4"
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert position(window) == "Question"
    assert window.document is not None
    assert caret_block_text(window) == window.document.questions[0].title
    assert window.view.verticalScrollBar().value() == 0


def test_several_questions_are_counted_and_alt_home_climbs_through_them(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    window.show_document(several_questions())
    assert position(window) == "Question 1 of 3"
    seen = []
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Down, ALT)
        seen.append(position(window))
    # Question 2 has no answers: Alt+Down goes straight from question 1 to question 3.
    assert seen == [
        "Question 1 of 3, answer 1 of 2",
        "Question 1 of 3, answer 2 of 2",
        "Question 3 of 3, answer 1 of 3",
        "Question 3 of 3, answer 2 of 3",
        "Question 3 of 3, answer 3 of 3",
    ]
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert position(window) == "Question 3 of 3"
    assert caret_block_text(window) == "Can I run with a cold?"
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert position(window) == "Question 2 of 3"
    press(qtbot, Qt.Key.Key_Home, ALT)
    assert position(window) == "Question 1 of 3"
    press(qtbot, Qt.Key.Key_End, ALT)
    assert position(window) == "Medical disclaimer"


def test_the_position_follows_scrolling(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    window.show_document(several_questions())
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert position(window) == "Medical disclaimer"
    bar.setValue(0)
    assert position(window) == "Question 1 of 3"
    # Moving the caret down scrolls the page, and the position comes along.
    window.view.setFocus()
    for _ in range(40):
        press(qtbot, Qt.Key.Key_PageDown)
    # (The theme's fonts reach the page from the event loop and may lay it out once more.)
    qtbot.wait_until(lambda: position(window) == "Medical disclaimer")


def test_structure_actions_live_in_the_go_menu(start_app: Launcher) -> None:
    window = start_app()
    menus = {menu.title().replace("&", ""): menu
             for menu in window.menuBar().findChildren(QMenu)}
    titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert titles.index("Edit") < titles.index("View") < titles.index("Go") < titles.index("Help")
    go = [(action.text().replace("&", ""), action.shortcut().toString())
          for action in menus["Go"].actions()]
    assert go == [("Go to the question", "Alt+Home"), ("Previous answer", "Alt+Up"),
                  ("Next answer", "Alt+Down"), ("Go to the disclaimer", "Alt+End")]


def test_side_panel_lists_the_stops_and_enter_goes_there(
    start_app: Launcher, qtbot: QtBot, config_dir: object
) -> None:
    window = start_app()
    panel = window.reading_tools.panel
    assert not panel.isVisible()
    press(qtbot, Qt.Key.Key_F9)
    assert panel.isVisible()
    assert window.reader_actions[ActionId.SIDE_PANEL].isChecked()
    tree = panel.tree
    assert QApplication.focusWidget() is tree
    question, disclaimer = tree.topLevelItem(0), tree.topLevelItem(1)
    assert question is not None and disclaimer is not None and window.document is not None
    assert question.text(0) == "Question: " + window.document.questions[0].title
    answers = [question.child(i) for i in range(question.childCount())]
    texts = [answer.text(0) for answer in answers if answer is not None]
    assert texts[0] == "Answer 1 \u2014 Dr. Amina Farouk, General Practitioner"
    assert len(texts) == 4
    assert disclaimer.text(0) == "Medical disclaimer"
    # Arrow keys only move in the list; Enter goes there and returns to the page.
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert position(window) == "Question"
    press(qtbot, Qt.Key.Key_Return)
    assert position(window) == "Answer 2 of 4"
    assert QApplication.focusWidget() is window.view
    # The panel marks where the reader is as they move with the keys.
    press(qtbot, Qt.Key.Key_End, ALT)
    assert tree.currentItem() is disclaimer
    # Shown panels come back after a restart (the window layout is saved).
    window = restart(window, start_app)
    assert window.reading_tools.panel.isVisible()
    assert window.reader_actions[ActionId.SIDE_PANEL].isChecked()
    press(qtbot, Qt.Key.Key_F9)
    assert not window.reading_tools.panel.isVisible()
    assert not window.reader_actions[ActionId.SIDE_PANEL].isChecked()
