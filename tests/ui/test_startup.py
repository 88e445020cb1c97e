"""Start-up as a reader meets it: disclaimer, settings restored, bad settings survived."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot

from qa_reader import disclaimer
from qa_reader.resources import sample_document_path
from qa_reader.ui.actions import ActionId

from .conftest import Launcher

CTRL = Qt.KeyboardModifier.ControlModifier
INI = "qa-reader.ini"


def test_first_launch_shows_disclaimer_before_any_document(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app(accept_disclaimer=False)
    dialog = window.disclaimer_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert window.view.toPlainText() == ""
    # Enter presses the default button, "I understand".
    assert dialog.accept_button.text() == "I understand" and dialog.accept_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.document is not None
    assert "ibuprofen" in window.view.toPlainText()


def test_disclaimer_text_follows_text_size(start_app: Launcher, qtbot: QtBot) -> None:
    window = start_app()
    for _ in range(6):  # 16 → 18 → 20 → 22 → 24 → 28 → 32
        qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    window.close()
    window = start_app(accept_disclaimer=False)
    window.reader_actions[ActionId.SHOW_DISCLAIMER].trigger()
    dialog = window.disclaimer_dialog
    assert dialog is not None
    assert dialog.font().pointSizeF() == 32


def test_disclaimer_is_not_shown_again_once_accepted(start_app: Launcher) -> None:
    first = start_app()
    first.close()
    second = start_app(accept_disclaimer=False)
    assert second.disclaimer_dialog is None
    assert second.document is not None


def test_quit_on_disclaimer_closes_and_accepts_nothing(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    window = start_app(accept_disclaimer=False)
    dialog = window.disclaimer_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc is "Quit"
    assert not window.isVisible()
    assert window.document is None
    ini = config_dir / INI
    assert not ini.exists() or "accepted" not in ini.read_text(encoding="utf-8")
    again = start_app(accept_disclaimer=False)
    assert again.disclaimer_dialog is not None and again.disclaimer_dialog.isVisible()


def test_new_disclaimer_version_is_shown_once(
    start_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_app().close()
    monkeypatch.setattr(disclaimer, "DISCLAIMER_VERSION", disclaimer.DISCLAIMER_VERSION + 1)
    window = start_app(accept_disclaimer=False)
    assert window.disclaimer_dialog is not None and window.disclaimer_dialog.isVisible()
    window.disclaimer_dialog.accept_button.click()
    window.close()
    assert start_app(accept_disclaimer=False).disclaimer_dialog is None


def test_help_menu_shows_disclaimer_any_time(start_app: Launcher) -> None:
    window = start_app()
    window.reader_actions[ActionId.SHOW_DISCLAIMER].trigger()
    dialog = window.disclaimer_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.accept_button.text() == "Close"
    dialog.accept_button.click()
    assert window.document is not None


def test_size_geometry_and_document_come_back_after_restart(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    page = tmp_path / "knee.txt"
    page.write_text("Why does my knee click?\n\nAnswers (1)\n\nUsually harmless.\n", "utf-8")
    window = start_app(page)
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    window.setGeometry(QRect(20, 30, 640, 470))
    qtbot.wait_until(lambda: window.size().width() < 700)
    size_when_closed = window.size()
    assert abs(size_when_closed.width() - 640) < 30
    window.close()

    again = start_app()
    assert again.view.document().defaultFont().pointSizeF() == 24
    assert again.size() == size_when_closed
    assert again.document is not None and again.document.title == "Why does my knee click?"
    assert again.windowTitle() == "Why does my knee click?"


def test_a_burst_of_size_steps_is_saved_without_closing(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    """If the app is killed a moment after the reader's last step, the size is kept."""
    window = start_app()
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    settings = config_dir / "qa-reader.ini"

    qtbot.wait_until(lambda: settings.is_file() and "text_size=22" in settings.read_text())
    assert window.isVisible()


def test_missing_last_document_falls_back_to_sample(
    start_app: Launcher, tmp_path: Path
) -> None:
    page = tmp_path / "gone.txt"
    page.write_text("Short question?\n\nAnswers (1)\n\nShort answer.\n", "utf-8")
    start_app(page).close()
    page.unlink()
    window = start_app()
    assert window.document is not None
    assert window.document.source.path == str(sample_document_path().resolve())
    assert "gone.txt" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("stored", "expected"),
    [("huge", 16), ("10000", 96), ("-5", 8), ("@ByteArray(\\x1)", 16)],
)
def test_corrupt_settings_start_cleanly(
    start_app: Launcher, config_dir: Path, stored: str, expected: int
) -> None:
    (config_dir / INI).write_text(
        "[reading]\n"
        f"text_size={stored}\n"
        "[window]\n"
        "geometry=@ByteArray(not a geometry at all)\n"
        "state=42\n",
        encoding="utf-8",
    )
    window = start_app()
    assert window.isVisible()
    assert window.view.document().defaultFont().pointSizeF() == expected
    assert window.document is not None


def test_garbage_settings_file_starts_with_defaults(
    start_app: Launcher, config_dir: Path
) -> None:
    (config_dir / INI).write_bytes(b"\x00\xff\xfe[[[===\n\x89PNG garbage\n")
    window = start_app()
    assert window.view.document().defaultFont().pointSizeF() == 16
    assert window.document is not None


def test_unwritable_config_dir_still_starts_and_says_so(
    start_app: Launcher, qtbot: QtBot, tmp_path: Path
) -> None:
    # A folder that cannot be created (its parent is a file) is unwritable even for root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    window = start_app(directory=blocker / "config")
    assert window.isVisible() and window.document is not None
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    assert window.view.document().defaultFont().pointSizeF() == 18
    assert "cannot be saved" in window.statusBar().currentMessage().lower()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_config_dir_still_starts(start_app: Launcher, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        window = start_app(directory=folder)
        assert window.document is not None
    finally:
        folder.chmod(stat.S_IRWXU)
