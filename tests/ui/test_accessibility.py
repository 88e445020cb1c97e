"""Screen-reader basics: every action and every control that takes the keyboard focus has a
name; no two actions share a shortcut; Tab goes round the window in a sensible order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher
from .navigation_helpers import press

CTRL = Qt.KeyboardModifier.ControlModifier


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def open_everything(qtbot: QtBot, window: MainWindow) -> None:
    """Shows the side panel and the find bar so their controls are walked too."""
    press(qtbot, Qt.Key.Key_F9)
    window.view.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.reading_tools.panel.isVisible()
    assert window.reading_tools.find_bar.isVisible()


def test_every_action_has_a_name(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    open_everything(qtbot, window)
    actions: list[QAction] = list(window.reader_actions.all())
    for container in [*window.findChildren(QMenu), *window.findChildren(QToolBar),
                      window.reading_tools.find_bar]:
        actions.extend(container.actions())
    checked = 0
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        assert action.text().replace("&", "").strip(), action.objectName()
        assert action.toolTip().strip(), action.text()
        checked += 1
    assert checked >= 20


def test_every_focusable_control_has_a_name(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    open_everything(qtbot, window)
    focusable = [
        widget for widget in window.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisible()
    ]
    names = {widget.objectName() or type(widget).__name__: accessible_name(widget)
             for widget in focusable}
    assert all(names.values()), {key: value for key, value in names.items() if not value}
    for expected in ("reader_view", "find_field", "find_match_case", "find_close_button",
                     "find_next_button", "find_previous_button", "outline_list"):
        assert expected in names
    assert names["find_field"] == "Find in page"
    assert names["outline_list"] == "Contents of the page"
    # Where the name alone does not say how to use a control, a description does.
    bar = window.reading_tools.find_bar
    for widget in (bar.field, bar.match_case, window.reading_tools.panel.tree, window.view):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface.text(QAccessible.Text.Description).strip(), widget.objectName()


def test_no_two_actions_share_a_shortcut(start_app: Launcher) -> None:
    window = start_app()
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in owners, f"{key}: {owners.get(key)} and {action.objectName()}"
            owners[key] = action.objectName() or action.text()
    for key in ("Alt+Down", "Alt+Up", "Alt+Home", "Alt+End", "F9", "F8", "Ctrl+F", "F3",
                "Ctrl+G", "Shift+F3", "Ctrl+Shift+G", "F11"):
        assert key in owners


def test_tab_order_goes_page_find_bar_toolbar_side_panel(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    open_everything(qtbot, window)
    window.view.setFocus()
    visited: list[str] = []
    for _ in range(16):
        press(qtbot, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused.objectName() or accessible_name(focused))
        if focused is window.view:
            break
    # "Actual size" is disabled at the default size, and Stop / Previous / Next while
    # nothing is read aloud, so Tab rightly skips them.
    assert visited == [
        "find_field", "find_previous_button", "find_next_button", "find_match_case",
        "find_close_button", "Read aloud", "Open", "Smaller text", "Larger text", "outline_list",
        "reader_view",
    ]


def test_popup_menus_and_the_toolbar_overflow_button_are_named(start_app: Launcher) -> None:
    # Both were unnamed over AT-SPI (docs/accessibility-report.md).
    window = start_app()
    menus = [action.menu() for action in window.menuBar().actions()]
    names = [accessible_name(menu) for menu in menus if isinstance(menu, QMenu)]
    assert names == ["File", "Edit", "View", "Go", "Read aloud", "Help"]
    toolbars = window.findChildren(QToolBar)
    assert {bar.objectName() for bar in toolbars} >= {"main_toolbar", "read_aloud_toolbar"}
    for toolbar in toolbars:
        overflow = toolbar.findChild(QWidget, "qt_toolbar_ext_button")
        assert overflow is not None
        assert accessible_name(overflow) == "More toolbar buttons"
