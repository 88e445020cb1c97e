"""The rendered HTML as Qt lays it out: headings are places to go to, not links."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from qa_reader.document import Answer, Document, Question
from qa_reader.render import render_html


def _fragments(document: QTextDocument) -> list[tuple[str, list[str], str, bool]]:
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char_format = fragment.charFormat()
            found.append((fragment.text(), char_format.anchorNames(),
                          char_format.anchorHref(), char_format.fontUnderline()))
            it += 1
        block = block.next()
    return found


def test_headings_carry_anchors_but_only_web_addresses_are_links(qtbot: QtBot) -> None:
    page = Document(
        title="Is it safe?",
        questions=(Question("Is it safe?", answers=(
            Answer("Yes. See https://example.org/info for more."), Answer("Usually."),
        )),),
        disclaimer="General information.",
    )
    document = QTextDocument()
    document.setHtml(render_html(page))
    fragments = _fragments(document)

    names = [name for _text, names, _href, _underline in fragments for name in names]
    assert names == ["question-1", "answers-1", "answer-1-1", "answer-1-2", "disclaimer"]
    links = [(text, href) for text, _names, href, underline in fragments if href]
    assert links == [("https://example.org/info", "https://example.org/info")]
    underlined = {text for text, _names, _href, underline in fragments if underline}
    assert underlined == {"https://example.org/info"}
