"""MedQuAD XML: one consumer-health topic from the NIH collection, many questions.

A MedQuAD file is one ``<Document id source url>`` about one topic::

    <Document id="0000123" source="GHR" url="https://…/condition/x">
      <Focus>X syndrome</Focus>                 <- the document's title
      <FocusAnnotations>…</FocusAnnotations>    <- optional, not shown
      <QAPairs>
        <QAPair pid="1">
          <Question qid="0000123-1" qtype="information">What is X?</Question>
          <Answer>X is …</Answer>               <- may be empty
        </QAPair>
      </QAPairs>
    </Document>

Each QAPair becomes a question with its one answer. Some parts of the collection
ship questions whose answers were removed (for copyright): those stay, as
questions no one has answered yet. The ``url`` becomes the document's source link.
Answers keep their paragraphs (one per line in the collection) and their lists
(see :mod:`.textblocks`).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from ..document import Answer, Document, DocumentSource, Question
from .errors import FormatError
from .textblocks import collapse_spaces, lines_to_paragraphs
from .xml_safe import children, first_child, local_name, parse_xml, text_of

__all__ = ["parse_medquad"]

ROOT = "document"


def _question(pair: Element) -> Question | None:
    title = collapse_spaces(text_of(first_child(pair, "question")))
    answer = lines_to_paragraphs(text_of(first_child(pair, "answer")))
    if not title and not answer:
        return None
    return Question(title=title, answers=(Answer(answer),) if answer else ())


def parse_medquad(data: bytes, source: DocumentSource) -> Document:
    root = parse_xml(data)
    if local_name(root) != ROOT:
        raise FormatError(f"its top element is <{root.tag}>, not <Document>")
    pairs = [
        pair
        for group in children(root, "qapairs")
        for pair in children(group, "qapair")
    ]
    questions = tuple(
        question for question in map(_question, pairs) if question is not None
    )
    if not questions:
        raise FormatError("it holds no questions (no <QAPair> with a question or an answer)")
    focus = collapse_spaces(text_of(first_child(root, "focus")))
    url = collapse_spaces(root.get("url", "")) or None
    return Document(
        title=focus or questions[0].title,
        questions=questions,
        source=DocumentSource(path=source.path, format=source.format, url=url),
    )
