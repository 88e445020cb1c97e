"""Plain-text pages labelled "Question:" / "Answer:" (FAQ style), one or many questions.

    Heartburn at night                 <- optional page title: one line on its own
    Question: Why is it worse lying down?
    It wakes me at 3 am.               <- details of that question
    Answer: Acid flows back more easily when you lie flat.
    Raise the head of the bed.         <- lines go on the answer until the next label
    -- Dr. Ana Lima                    <- a signature ends an answer, as in page_text
    Answer: Avoid late meals.
    Question: …                        <- a new question
    Disclaimer: …                      <- this paragraph and all after it

Labels are "Question", "Q", "Answer" or "A", optionally numbered ("Question 2"),
followed by a colon, at the start of a line, in any case. The page is read this way
only when its first line (or the first line after a one-line title) is a question
label and an answer label follows; otherwise the ordinary plain-text rules apply.
"""

from __future__ import annotations

import re

from ..document import Answer, Document, DocumentSource, Question

__all__ = ["parse_labelled"]

_QUESTION_LABEL = re.compile(r"(?i:question|q)(?:[^\S\n]*#?[0-9]{1,3})?[^\S\n]*:")
_ANSWER_LABEL = re.compile(r"(?i:answer|a)(?:[^\S\n]*#?[0-9]{1,3})?[^\S\n]*:")
_DISCLAIMER_LABEL = re.compile(r"(?i:disclaimer)[^\S\n]*(?::|$)")
_PARAGRAPH_BREAK = re.compile(r"\n\n+")


def _starts_labelled(lines: list[str]) -> int | None:
    """Index of the first question label when the page is a labelled one, else None."""
    first = 0
    if not _QUESTION_LABEL.match(lines[0]):
        # One title line, a blank line or not, then the first question.
        first = 2 if len(lines) > 2 and not lines[1] else 1
        if first >= len(lines) or not _QUESTION_LABEL.match(lines[first]):
            return None
    if not any(_ANSWER_LABEL.match(line) for line in lines[first + 1 :]):
        return None
    return first


def _text(lines: list[str]) -> str:
    return _PARAGRAPH_BREAK.sub("\n\n", "\n".join(lines).strip())


def _answers(blocks: list[list[str]]) -> tuple[Answer, ...]:
    from .page_text import _split_signature  # page_text imports this module

    answers = []
    for block in blocks:
        text = _text(block)
        if not text:
            continue
        body, author = _split_signature(text)
        answers.append(Answer(body.strip(), author) if author and body.strip() else Answer(text))
    return tuple(answers)


def parse_labelled(text: str, source: DocumentSource) -> Document | None:
    """The document of a labelled page, or None when ``text`` is not one.

    ``text`` is cleaned page text (LF line ends, lines stripped, no navigation).
    """
    lines = text.split("\n")
    first = _starts_labelled(lines)
    if first is None:
        return None
    page_title = lines[0] if first else ""
    questions: list[Question] = []
    title = ""
    details: list[str] = []
    answers: list[list[str]] = []
    disclaimer: list[str] = []

    def finish() -> None:
        if title or details or answers:
            questions.append(Question(title, _text(details), _answers(answers)))

    previous_blank = True
    for line in lines[first:]:
        if disclaimer:
            disclaimer.append(line)
            continue
        question_label = _QUESTION_LABEL.match(line)
        answer_label = _ANSWER_LABEL.match(line)
        disclaimer_label = _DISCLAIMER_LABEL.match(line)
        if disclaimer_label and previous_blank:
            disclaimer.append(line[disclaimer_label.end() :].strip())
        elif question_label:
            finish()
            title, details, answers = line[question_label.end() :].strip(), [], []
        elif answer_label:
            answers.append([line[answer_label.end() :].strip()])
        elif answers:
            answers[-1].append(line)
        elif not title and line:
            title = line
        else:
            details.append(line)
        previous_blank = not line
    finish()
    disclaimer_text = _text(disclaimer)
    return Document(
        title=page_title or questions[0].title,
        questions=tuple(questions),
        disclaimer=disclaimer_text or None,
        source=source,
    )
