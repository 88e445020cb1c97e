"""Features that highlight text (find, focus mode, read aloud) keep out of each other's way."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from qa_reader.ui.reader_view import HighlightLayer, ReaderView


def _mark(view: ReaderView, start: int, end: int, colour: str) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format.setBackground(QColor(colour))
    return selection


def test_layers_are_painted_in_order_and_cleared_separately(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_html("<p>one two three four</p>", "Test")

    view.set_highlights(HighlightLayer.SPEECH_WORD, [_mark(view, 0, 3, "#ffff00")])
    view.set_highlights(HighlightLayer.FIND_MATCHES, [_mark(view, 4, 7, "#00ffff")])
    colours = [s.format.background().color().name() for s in view.extraSelections()]
    assert colours == ["#00ffff", "#ffff00"]  # find matches below the word being read

    view.set_highlights(HighlightLayer.FIND_MATCHES, [])
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["one"]


def test_a_new_document_clears_every_highlight(qtbot: QtBot) -> None:
    view = ReaderView()
    qtbot.addWidget(view)
    view.show_html("<p>one two</p>", "Test")
    view.set_highlights(HighlightLayer.FOCUS_DIM, [_mark(view, 0, 3, "#777777")])

    view.show_html("<p>another page</p>", "Other")

    assert view.extraSelections() == []
    assert view.highlights(HighlightLayer.FOCUS_DIM) == []
