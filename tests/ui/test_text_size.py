"""Text size: shortcuts, Ctrl+wheel, toolbar/menus, ladder ends, status bar, position."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from qa_reader.style import MAX_TEXT_SIZE, MIN_TEXT_SIZE
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher

CTRL = Qt.KeyboardModifier.ControlModifier


def rendered_size(window: MainWindow) -> float:
    """The point size the document is laid out with, and a sanity check that layout follows."""
    return window.view.document().defaultFont().pointSizeF()


def first_line_height(window: MainWindow) -> float:
    block = window.view.document().firstBlock()
    window.view.document().documentLayout().blockBoundingRect(block)
    return block.layout().lineAt(0).height()


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.view, key, CTRL)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key.Key_Equal, 18),
        (Qt.Key.Key_Plus, 18),
        (Qt.Key.Key_Minus, 14),
    ],
    ids=["ctrl+=", "ctrl++", "ctrl+-"],
)
def test_shortcut_changes_rendered_size(
    start_app: Launcher, qtbot: QtBot, key: Qt.Key, expected: int
) -> None:
    window = start_app()
    assert rendered_size(window) == 16
    height_before = first_line_height(window)
    press(qtbot, window, key)
    assert rendered_size(window) == expected
    height_after = first_line_height(window)
    assert (height_after > height_before) == (expected > 16)
    assert f"Text size {expected} pt" in window.size_label.text()


def test_ctrl_0_resets_to_default(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_Equal)
    assert rendered_size(window) == 22
    assert window.reader_actions[ActionId.ZOOM_RESET].isEnabled()
    press(qtbot, window, Qt.Key.Key_0)
    assert rendered_size(window) == 16
    assert not window.reader_actions[ActionId.ZOOM_RESET].isEnabled()


def wheel(window: MainWindow, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    viewport = window.view.viewport()
    position = QPointF(viewport.rect().center())
    event = QWheelEvent(
        position,
        QPointF(viewport.mapToGlobal(position.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_changes_size_and_plain_wheel_scrolls(start_app: Launcher) -> None:
    window = start_app()
    wheel(window, 120, CTRL)
    assert rendered_size(window) == 18
    wheel(window, -240, CTRL)
    assert rendered_size(window) == 14
    # Half notches from a touchpad add up to one step.
    wheel(window, 60, CTRL)
    assert rendered_size(window) == 14
    wheel(window, 60, CTRL)
    assert rendered_size(window) == 16
    wheel(window, -120, Qt.KeyboardModifier.NoModifier)
    assert rendered_size(window) == 16


def test_ladder_ends_disable_actions(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    larger = window.reader_actions[ActionId.ZOOM_IN]
    smaller = window.reader_actions[ActionId.ZOOM_OUT]
    for _ in range(30):
        press(qtbot, window, Qt.Key.Key_Equal)
    assert rendered_size(window) == MAX_TEXT_SIZE
    assert not larger.isEnabled() and smaller.isEnabled()
    for _ in range(30):
        press(qtbot, window, Qt.Key.Key_Minus)
    assert rendered_size(window) == MIN_TEXT_SIZE
    assert larger.isEnabled() and not smaller.isEnabled()


def test_status_bar_shows_size_and_percent(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Equal)
    assert window.size_label.text() == "Text size 24 pt · 150%"


def test_toolbar_buttons_are_named_and_reachable_by_keyboard(start_app: Launcher) -> None:
    window = start_app()
    buttons = {
        button.accessibleName(): button
        for button in window.toolbar.findChildren(QToolButton)
        if button.defaultAction() is not None and button.isVisible()
    }
    assert {"Larger text", "Smaller text", "Actual size", "Open"} <= set(buttons)
    for button in buttons.values():
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    buttons["Larger text"].click()
    assert rendered_size(window) == 18


def test_view_menu_holds_the_size_actions(start_app: Launcher) -> None:
    window = start_app()
    menus = {
        menu.title().replace("&", ""): menu for menu in window.menuBar().findChildren(QMenu)
    }
    texts = [action.text().replace("&", "") for action in menus["View"].actions()]
    assert texts[:3] == ["Larger text", "Smaller text", "Actual size"]
    assert window.reader_actions[ActionId.ZOOM_IN] in menus["View"].actions()


@pytest.mark.parametrize(("answers", "target"), [(60, 30), (4000, 1000), (4000, 3000)])
def test_size_change_keeps_the_paragraph_at_the_top(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path, answers: int, target: int
) -> None:
    page = tmp_path / "long.txt"
    text = "\n\n".join(
        f"Answer paragraph number {n}. " + "Plenty of words to fill the line. " * 6
        for n in range(1, answers + 1)
    )
    page.write_text(
        f"A long question\n\nDoctors Answers ({answers})\n\n{text}\n", encoding="utf-8"
    )
    window = start_app(page)
    view = window.view
    bar = view.verticalScrollBar()

    def top_paragraph() -> str:
        return view.cursorForPosition(QPoint(0, 0)).block().text()

    def scrolled_to_target() -> bool:
        # A long page is laid out lazily, and the theme's fonts arrive from the event loop:
        # scroll again until the paragraph is really at the top.
        anchor = view.document().find(f"Answer paragraph number {target}.")
        top = view.document().documentLayout().blockBoundingRect(anchor.block()).top()
        bar.setValue(round(top))
        return top_paragraph().startswith(f"Answer paragraph number {target}.")

    qtbot.wait_until(scrolled_to_target)
    for key in (Qt.Key.Key_Equal, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_0):
        press(qtbot, window, key)
        # Far down a long page the text above is laid out again in slices first.
        qtbot.wait_until(lambda: top_paragraph().startswith(f"Answer paragraph number {target}."))
    # Two steps in a row, the second before the first has been laid out: same place.
    press(qtbot, window, Qt.Key.Key_Equal)
    press(qtbot, window, Qt.Key.Key_Equal)
    qtbot.wait_until(lambda: top_paragraph().startswith(f"Answer paragraph number {target}."))
    assert view.text_size() == 20
    # A moment later the page is rendered again with spacing for 20 pt: same place.
    with qtbot.wait_signal(view.margins_stale, timeout=3000):
        pass
    qtbot.wait_until(lambda: not view.relayout_pending and not view.loading)
    qtbot.wait_until(lambda: top_paragraph().startswith(f"Answer paragraph number {target}."))


def test_tab_moves_from_the_page_to_every_toolbar_button(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    window.view.setFocus()
    reached: list[str] = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if isinstance(focused, QToolButton):
            reached.append(focused.accessibleName())
    assert {"Open", "Smaller text", "Larger text"} <= set(reached)
    # "Actual size" is disabled at the default size, so Tab rightly skips it.
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    window.view.setFocus()
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if isinstance(focused, QToolButton) and focused.accessibleName() == "Actual size":
            qtbot.keyClick(focused, Qt.Key.Key_Space)
            break
    assert rendered_size(window) == 16
