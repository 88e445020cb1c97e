"""Shared bits of the navigation tests: a multi-question page and key presses."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qa_reader.document import Answer, Document, Question
from qa_reader.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def several_questions() -> Document:
    """Three questions with 2, 0 and 3 answers, then a disclaimer; long enough to scroll."""
    filler = " ".join(["Plenty of calm words to make this paragraph wrap."] * 12)

    def answer(text: str, author: str | None) -> Answer:
        return Answer(f"{text}\n\n{filler}\n\n{filler}", author)

    return Document(
        title="Three questions",
        questions=(
            Question("Is coffee bad for the heart?", f"Details one.\n\n{filler}",
                     (answer("First question, answer one.", "Dr. Ada Stone"),
                      answer("First question, answer two.", None))),
            Question("Why do I sneeze in sunlight?", f"Details two.\n\n{filler}"),
            Question("Can I run with a cold?", f"Details three.\n\n{filler}",
                     (answer("Third question, answer one.", "Dr. Ben Lee"),
                      answer("Third question, answer two.", "Dr. Cy Ho"),
                      answer("Third question, answer three.", None))),
        ),
        disclaimer="Disclaimer: general information only.",
    )


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """Presses a key where the keyboard focus is, as a user would."""
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget)
    qtbot.keyClick(target, key, modifier)


def position(window: MainWindow) -> str:
    return window.reading_tools.position_label.text()


def caret_block_text(window: MainWindow) -> str:
    return window.view.textCursor().block().text()


def top_block_text(window: MainWindow) -> str:
    """The paragraph at the top edge of the page (below the breathing space)."""
    return window.view.cursorForPosition(QPoint(40, 20)).block().text()
