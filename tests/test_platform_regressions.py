"""Guards against Qt for Python releases known to break this app."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot


def test_many_calls_returning_none_do_not_abort(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on CPython 3.11 aborts ("none_dealloc") within ~4,000 such calls.

    If a dependency bump brings that back, this test kills the run instead of a
    reader's session.
    """
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    for _ in range(20_000):
        browser.setPlainText("x")
    assert browser.toPlainText() == "x"
