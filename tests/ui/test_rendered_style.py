"""The reading style's colours and spacing land in the document Qt lays out."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from qa_reader.document import Answer, Document, DocumentSource, Question
from qa_reader.render import render_html
from qa_reader.style import ReadingStyle
from qa_reader.themes import THEMES, Theme


def sample() -> Document:
    question = Question(
        "Is it safe to take ibuprofen with a cold?",
        details="I have a fever. See https://example.org/advice for more.",
        answers=(Answer("Usually yes.\n\nDrink plenty of water.", author="Dr. Ada Lee"),),
        declared_answer_count=1,
    )
    return Document(
        title=question.title,
        questions=(question,),
        disclaimer="General information, not medical advice.",
        source=DocumentSource("/tmp/x.txt", "text"),
    )


def laid_out(style: ReadingStyle) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(render_html(sample(), style))
    document.setTextWidth(600)
    return document


def blocks(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.firstBlock()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def block_with(document: QTextDocument, text: str) -> QTextBlock:
    return next(block for block in blocks(document) if text in block.text())


def colour(block: QTextBlock, text: str) -> str:
    """The text colour of `text` inside `block`, as "#rrggbb"."""
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index(text) + 1)
    return cursor.charFormat().foreground().color().name()


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_theme_colours_land_in_the_document(qapp: QApplication, theme: Theme) -> None:
    document = laid_out(ReadingStyle(theme=theme))
    root = document.rootFrame().frameFormat()
    assert root.background().color() == QColor(theme.background)
    assert colour(block_with(document, "Usually yes."), "Usually") == theme.text
    heading = block_with(document, "Is it safe")
    assert colour(heading, "Is it safe") == theme.heading
    assert colour(block_with(document, "I have a fever"), "example.org") == theme.link
    assert colour(block_with(document, "Dr. Ada Lee"), "Dr. Ada Lee") == theme.muted_text
    disclaimer = block_with(document, "General information")
    assert colour(disclaimer, "General") == theme.disclaimer_text
    table = disclaimer.document().rootFrame().childFrames()[-1]
    assert table.frameFormat().background().color() == QColor(theme.disclaimer_background)


def test_line_height_and_paragraph_spacing_land_in_block_formats(qapp: QApplication) -> None:
    style = ReadingStyle(text_size=24, line_height=2.0, paragraph_spacing=2.0)
    document = laid_out(style)
    paragraph = block_with(document, "Usually yes.").blockFormat()
    assert paragraph.lineHeightType() == paragraph.LineHeightTypes.ProportionalHeight.value
    assert paragraph.lineHeight() == 200
    em = 24 * 96 / 72
    assert paragraph.bottomMargin() == pytest.approx(2.0 * em, abs=0.1)
    tighter = block_with(laid_out(ReadingStyle(text_size=24, paragraph_spacing=0.5)),
                         "Usually yes.").blockFormat()
    assert tighter.bottomMargin() == pytest.approx(0.5 * em, abs=0.1)


def test_text_is_never_justified(qapp: QApplication) -> None:
    from PySide6.QtCore import Qt

    document = laid_out(ReadingStyle(line_height=3.0, paragraph_spacing=3.0))
    for block in blocks(document):
        assert not block.blockFormat().alignment() & Qt.AlignmentFlag.AlignJustify


def test_headings_keep_their_lines_together(qapp: QApplication) -> None:
    document = laid_out(ReadingStyle(line_height=2.5))
    heading = block_with(document, "Is it safe").blockFormat()
    paragraph = block_with(document, "Usually yes.").blockFormat()
    assert paragraph.lineHeight() == 250
    assert heading.lineHeight() == 120
    assert block_with(laid_out(ReadingStyle(line_height=1.0)), "Is it safe").blockFormat(
    ).lineHeight() == 100
