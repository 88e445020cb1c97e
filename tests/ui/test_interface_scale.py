"""The interface size: menus, toolbars, status bar and dialogs grow with one setting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from qa_reader.preferences import INI_FILE_NAME
from qa_reader.ui import interface_scale
from qa_reader.ui.actions import ActionId
from qa_reader.ui.disclaimer_dialog import DisclaimerDialog
from qa_reader.ui.interface_scale import apply_interface_scale
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher, restart
from .test_preferences_dialog import ALT, closed, key, open_dialog


@pytest.fixture(autouse=True)
def platform_size_afterwards() -> Iterator[None]:
    """Later tests in this process start from the platform's own interface size."""
    yield
    apply_interface_scale(100, [])


@dataclass(frozen=True)
class InterfaceSizes:
    menu_bar: float
    menu: float
    toolbar: float
    player_bar: float
    status_bar: float
    size_label: float
    toolbar_icon: int

    @classmethod
    def of(cls, window: MainWindow) -> InterfaceSizes:
        menu = window.menuBar().actions()[0].menu()
        assert isinstance(menu, QMenu)
        toolbar = window.findChild(QToolBar, "main_toolbar")
        player = window.findChild(QToolBar, "read_aloud_toolbar")
        assert toolbar is not None and player is not None
        return cls(
            menu_bar=window.menuBar().font().pointSizeF(),
            menu=menu.font().pointSizeF(),
            toolbar=toolbar.font().pointSizeF(),
            player_bar=player.font().pointSizeF(),
            status_bar=window.statusBar().font().pointSizeF(),
            size_label=window.size_label.font().pointSizeF(),
            toolbar_icon=toolbar.iconSize().width(),
        )


def disclaimer_points(qtbot: QtBot, window: MainWindow) -> tuple[float, float]:
    """Opens Help → Medical disclaimer…, reads its text and heading sizes, and closes it."""
    window.reader_actions[ActionId.SHOW_DISCLAIMER].trigger()
    dialog = window.disclaimer_dialog
    assert isinstance(dialog, DisclaimerDialog)
    qtbot.wait_exposed(dialog)
    body = dialog.findChild(QLabel, "disclaimer_text")
    heading = dialog.findChild(QLabel, "disclaimer_heading")
    assert body is not None and heading is not None
    sizes = body.font().pointSizeF(), heading.font().pointSizeF()
    dialog.accept_button.click()
    qtbot.wait_until(lambda: window.disclaimer_dialog is None)
    return sizes


def choose_interface_size(qtbot: QtBot, window: MainWindow, steps_up: int) -> None:
    """Preferences → Interface size, arrow keys (25 % a step), OK."""
    dialog = open_dialog(qtbot, window)
    key(qtbot, Qt.Key.Key_I, ALT)  # &Interface size
    for _ in range(steps_up):
        key(qtbot, Qt.Key.Key_Up)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.wait_until(lambda: closed(window))


def test_200_percent_doubles_menus_toolbars_status_bar_and_icons(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    normal = InterfaceSizes.of(window)
    assert normal.menu_bar == QApplication.font().pointSizeF()
    normal_disclaimer = disclaimer_points(qtbot, window)

    choose_interface_size(qtbot, window, steps_up=4)  # 100 → 200 %

    large = InterfaceSizes.of(window)
    assert large.menu_bar == pytest.approx(2 * normal.menu_bar)
    assert large.menu == pytest.approx(2 * normal.menu)
    assert large.toolbar == pytest.approx(2 * normal.toolbar)
    assert large.player_bar == pytest.approx(2 * normal.player_bar)
    assert large.status_bar == pytest.approx(2 * normal.status_bar)
    assert large.size_label == pytest.approx(2 * normal.size_label)
    assert large.toolbar_icon == 2 * normal.toolbar_icon
    assert window.statusBar().currentMessage() == "Interface size 200 %"
    # The reading text keeps its own size.
    assert window.view.text_size() == 16
    # The disclaimer is never smaller than the interface around it.
    body, heading = disclaimer_points(qtbot, window)
    assert body > normal_disclaimer[0] and heading > normal_disclaimer[1]
    assert body == pytest.approx(large.menu_bar)
    preferences = open_dialog(qtbot, window)
    assert preferences.font().pointSizeF() == pytest.approx(large.menu_bar)
    preferences.reject()
    qtbot.wait_until(lambda: closed(window))

    window = restart(window, start_app)
    assert InterfaceSizes.of(window) == large


def test_a_stored_size_applies_from_the_start_and_to_the_first_disclaimer(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    (config_dir / INI_FILE_NAME).write_text("[interface]\nscale=300\n", encoding="utf-8")
    platform_points = interface_scale.platform_fonts().general.pointSizeF()
    window = start_app(accept_disclaimer=False)
    assert window.menuBar().font().pointSizeF() == pytest.approx(3 * platform_points)
    dialog = window.disclaimer_dialog
    assert isinstance(dialog, DisclaimerDialog)
    assert dialog.font().pointSizeF() == pytest.approx(max(16, 3 * platform_points))
    dialog.accept_button.click()


def test_an_open_disclaimer_follows_a_new_size(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    window.reader_actions[ActionId.SHOW_DISCLAIMER].trigger()
    dialog = window.disclaimer_dialog
    assert isinstance(dialog, DisclaimerDialog)
    qtbot.wait_exposed(dialog)
    before = dialog.font().pointSizeF()
    apply_interface_scale(300, [])
    qtbot.wait_until(lambda: dialog.font().pointSizeF() > before)
    assert dialog.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
    dialog.accept_button.click()


def test_platform_fonts_for_menus_and_status_bars_are_kept_and_scaled(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Platforms such as macOS give menus and the status bar fonts of their own; they grow
    with the rest and come back unchanged at 100 %."""
    original = QFont(QApplication.font())
    monkeypatch.setattr(interface_scale, "_platform", None)
    small = QFont(original)
    small.setPointSizeF(7)
    # PySide6's stubs say bytes for the class name, but only str is accepted at run time.
    QApplication.setFont(small, "QStatusBar")  # type: ignore[arg-type]
    try:
        apply_interface_scale(200, [])
        assert QApplication.font("QStatusBar").pointSizeF() == 14  # type: ignore[call-overload]  # str, as above
        assert QApplication.font().pointSizeF() == 2 * original.pointSizeF()
        apply_interface_scale(100, [])
        assert QApplication.font("QStatusBar").pointSizeF() == 7  # type: ignore[call-overload]
        assert QApplication.font().pointSizeF() == original.pointSizeF()
    finally:
        QApplication.setFont(original)  # also forgets the status bar's own font


def test_size_changes_are_announced(
    start_app: Launcher, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Screen readers are told the new text size and the new interface size."""
    spoken: list[str] = []

    def record(widget: object, message: str, assertive: bool = False) -> None:
        spoken.append(message)

    monkeypatch.setattr("qa_reader.ui.main_window.announce", record)
    monkeypatch.setattr("qa_reader.ui.interface_scale.announce", record)
    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    choose_interface_size(qtbot, window, steps_up=2)
    assert spoken == ["Text size 18 pt · 112%", "Interface size 150 %"]
