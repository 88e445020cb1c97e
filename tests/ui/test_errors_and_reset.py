"""Unexpected errors are explained, not fatal; --reset-preferences forgets settings."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qa_reader.app import launch
from qa_reader.cli import LaunchOptions
from qa_reader.logging_setup import configure_logging, install_exception_hook

from .conftest import Launcher


def test_exception_hook_logs_and_shows_a_plain_dialog(
    start_app: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = start_app()
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = configure_logging(tmp_path / "logs")
    try:
        assert log_path is not None
        install_exception_hook(log_path)
        try:
            raise RuntimeError("the importer tripped over a table")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        # The dialog belongs to the active window, over the reader's document.
        box = window.findChild(QMessageBox, "unexpected_error_dialog")
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "the importer tripped over a table" in box.text()
        assert "safe" in box.text() and str(log_path) in box.text()
        box.done(0)
        for handler in root.handlers:
            handler.flush()
        assert "the importer tripped over a table" in log_path.read_text(encoding="utf-8")
        assert window.isVisible() and window.document is not None
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers_before:
                root.removeHandler(handler)
                handler.close()


def test_reset_preferences_forgets_size_and_disclaimer(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    window = start_app()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.close()
    fresh = launch(LaunchOptions(config_dir=str(config_dir), reset_preferences=True))
    qtbot.addWidget(fresh)
    assert fresh.view.document().defaultFont().pointSizeF() == 16
    assert fresh.disclaimer_dialog is not None  # acceptance was forgotten too
    fresh.quit_without_saving()
