"""Opening files from the window: success, and failures that keep the current document."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow

from .conftest import Launcher


def error_dialog(window: MainWindow) -> QMessageBox:
    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None, "no error dialog was shown"
    return box


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00data", "not a text file"),
    ],
    ids=["empty", "binary"],
)
def test_bad_file_shows_error_and_keeps_document(
    start_app: Launcher, tmp_path: Path, content: bytes, reason: str
) -> None:
    window = start_app()
    before = window.view.toPlainText()
    bad = tmp_path / "broken.txt"
    bad.write_bytes(content)
    assert not window.open_path(str(bad))
    box = error_dialog(window)
    assert box.isVisible()
    assert "broken.txt" in box.text() and reason in box.text()
    assert window.view.toPlainText() == before
    box.button(QMessageBox.StandardButton.Ok).click()
    assert window.findChild(QMessageBox, "error_dialog") is None or not box.isVisible()


def test_missing_and_huge_files_are_refused_by_name(start_app: Launcher, tmp_path: Path) -> None:
    window = start_app()
    assert not window.open_path(str(tmp_path / "nowhere.txt"))
    assert "nowhere.txt" in error_dialog(window).text()
    error_dialog(window).done(0)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert not window.open_path(str(huge))
    assert "20 MB" in window.findChildren(QMessageBox, "error_dialog")[-1].text()


def test_open_action_uses_a_file_dialog(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    page = tmp_path / "sleep.txt"
    page.write_text("How much sleep do teenagers need?\n\nAnswers (1)\n\nAbout 8 to 10 hours.\n",
                    encoding="utf-8")
    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QFileDialog, "open_dialog")
    assert dialog is not None and dialog.isVisible()
    assert window.reader_actions[ActionId.OPEN].text() == "&Open…"
    dialog.selectFile(str(page))
    dialog.accept()
    assert window.windowTitle() == "How much sleep do teenagers need?"
    assert "About 8 to 10 hours." in window.view.toPlainText()


def test_quit_shortcut_closes_window(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_about_names_version_and_settings_location(start_app: Launcher, config_dir: Path) -> None:
    window = start_app()
    window.reader_actions[ActionId.ABOUT].trigger()
    box = window.findChild(QMessageBox, "about_dialog")
    assert box is not None and box.isVisible()
    assert str(config_dir) in box.text()


def test_error_message_shows_a_marked_up_file_name_as_text(
    start_app: Launcher, tmp_path: Path
) -> None:
    window = start_app()
    bad = tmp_path / "<b>bold.txt"
    bad.write_bytes(b"")
    assert not window.open_path(str(bad))
    box = error_dialog(window)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold.txt" in box.text()
