"""The document as plain text, in reading order, for e-mail, screen readers and braille.

Title, details, the answers heading, then each "Answer n of N" with its paragraphs and
author, and the disclaimer last. Lines are wrapped at the reader's line length (never
inside a word or a web address), so the text keeps the shape the reader chose. No Qt.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..document import Document, Question, split_paragraphs
from ..render import RenderLabels
from ..style import ReadingStyle
from .options import ExportLabels, with_disclaimer

__all__ = ["document_to_text"]

_RULE_CHAR = "="


def document_to_text(
    document: Document, style: ReadingStyle | None = None, export_labels: ExportLabels | None = None
) -> str:
    style = style or ReadingStyle()
    export_labels = export_labels or ExportLabels()
    labels = export_labels.render
    document = with_disclaimer(document, export_labels.fallback_disclaimer)
    width = style.max_line_chars or 0
    blocks: list[str] = []
    questions = document.questions
    if len(questions) != 1:
        blocks.append(_heading(document.title or labels.untitled_question, _RULE_CHAR))
    for question in questions:
        blocks.extend(_question(question, labels, level_char=_RULE_CHAR if len(questions) == 1
                                else "-"))
    if document.disclaimer:
        blocks.append(_heading(labels.disclaimer_heading, "-"))
        blocks.extend(split_paragraphs(document.disclaimer))
    return "\n\n".join(_wrap(block, width) for block in blocks) + "\n"


def _question(question: Question, labels: RenderLabels, level_char: str) -> Iterable[str]:
    yield _heading(question.title.strip() or labels.untitled_question, level_char)
    yield from question.detail_paragraphs
    count = len(question.answers)
    yield _heading(labels.answers_heading.format(count=count), "-")
    if question.answer_count_mismatch and question.declared_answer_count is not None:
        yield labels.mismatch_note.format(declared=question.declared_answer_count, found=count)
    if not question.answers:
        yield labels.no_answers
    for number, answer in enumerate(question.answers, start=1):
        yield labels.answer_heading.format(number=number, count=count)
        yield from answer.paragraphs
        if answer.author:
            yield labels.author_prefix + answer.author


def _heading(text: str, underline: str) -> str:
    # Underlined headings read as headings in any editor and need no markup language.
    first_line = text.splitlines()[0] if text else text
    return f"{text}\n{underline * max(len(first_line), 3)}"


def _wrap(block: str, width: int) -> str:
    if width <= 0:
        return block
    lines: list[str] = []
    for line in block.splitlines():
        if set(line) <= {"=", "-"} and line:
            lines.append(line[:width])  # an underline as long as its heading, within the width
            continue
        lines.extend(
            textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
        )
    return "\n".join(lines)
