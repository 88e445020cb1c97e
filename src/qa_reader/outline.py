"""The structure of a document as a reader moves through it: question(s), answers, disclaimer.

Plain Python (no Qt): a list of stops in reading order, each naming the anchor the
renderer puts at its heading, plus the words that describe a stop to the reader
("Answer 2 of 6", "Question 2 of 5, answer 1 of 3"). The UI maps anchors to text
positions; the moves themselves (next answer, the question, the disclaimer) are
decided here so they can be tested without a window.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .document import Document
from .render import ANSWER_ANCHOR, DISCLAIMER_ANCHOR, QUESTION_ANCHOR


class StopKind(enum.Enum):
    QUESTION = "question"
    ANSWER = "answer"
    DISCLAIMER = "disclaimer"


@dataclass(frozen=True)
class Stop:
    """One place the structure keys move to. Numbers count from 1; 0 where they do not apply."""

    kind: StopKind
    anchor: str
    question: int = 0
    question_count: int = 0
    answer: int = 0
    answer_count: int = 0
    title: str = ""
    """The question's title, or the answer's author ("" when the page names none)."""


@dataclass(frozen=True)
class OutlineLabels:
    """The words used to describe stops; English by default, translated by the UI."""

    question: str = "Question"
    question_of: str = "Question {number} of {count}"
    answer_of: str = "Answer {number} of {count}"
    question_answer_of: str = "Question {question} of {questions}, answer {number} of {count}"
    disclaimer: str = "Medical disclaimer"
    question_item: str = "Question: {title}"
    numbered_question_item: str = "Question {number}: {title}"
    answer_item: str = "Answer {number}"
    answer_item_by: str = "Answer {number} \u2014 {author}"
    untitled_question: str = "Untitled question"


def outline(document: Document) -> tuple[Stop, ...]:
    """Every stop of `document`, in the order they appear on the page."""
    stops: list[Stop] = []
    question_count = len(document.questions)
    for q, question in enumerate(document.questions, start=1):
        stops.append(Stop(StopKind.QUESTION, QUESTION_ANCHOR.format(q=q), q, question_count,
                          title=question.title.strip()))
        answer_count = len(question.answers)
        for a, answer in enumerate(question.answers, start=1):
            stops.append(Stop(StopKind.ANSWER, ANSWER_ANCHOR.format(q=q, a=a), q, question_count,
                              a, answer_count, (answer.author or "").strip()))
    if document.disclaimer:
        stops.append(Stop(StopKind.DISCLAIMER, DISCLAIMER_ANCHOR))
    return tuple(stops)


def position_text(stop: Stop, labels: OutlineLabels | None = None) -> str:
    """Where the reader is, as the status bar says it: "Answer 2 of 6"."""
    labels = labels or OutlineLabels()
    several = stop.question_count > 1
    if stop.kind is StopKind.DISCLAIMER:
        return labels.disclaimer
    if stop.kind is StopKind.QUESTION:
        if several:
            return labels.question_of.format(number=stop.question, count=stop.question_count)
        return labels.question
    if several:
        return labels.question_answer_of.format(
            question=stop.question, questions=stop.question_count,
            number=stop.answer, count=stop.answer_count,
        )
    return labels.answer_of.format(number=stop.answer, count=stop.answer_count)


def item_text(stop: Stop, labels: OutlineLabels | None = None) -> str:
    """A short label for the side panel: "Question: <title>", "Answer 2 — Dr …"."""
    labels = labels or OutlineLabels()
    if stop.kind is StopKind.DISCLAIMER:
        return labels.disclaimer
    if stop.kind is StopKind.QUESTION:
        title = stop.title or labels.untitled_question
        if stop.question_count > 1:
            return labels.numbered_question_item.format(number=stop.question, title=title)
        return labels.question_item.format(title=title)
    if stop.title:
        return labels.answer_item_by.format(number=stop.answer, author=stop.title)
    return labels.answer_item.format(number=stop.answer)


def next_answer(stops: tuple[Stop, ...], current: int | None) -> int | None:
    """Index of the first answer after stop `current` (None: from the top), or None."""
    start = 0 if current is None else current + 1
    for index in range(start, len(stops)):
        if stops[index].kind is StopKind.ANSWER:
            return index
    return None


def previous_answer(stops: tuple[Stop, ...], current: int | None) -> int | None:
    """Index of the last answer before stop `current` (None: nothing before), or None."""
    if current is None:
        return None
    for index in range(current - 1, -1, -1):
        if stops[index].kind is StopKind.ANSWER:
            return index
    return None


def question_of(stops: tuple[Stop, ...], current: int | None) -> int | None:
    """The question the reader is in; on a question heading, the question before it.

    Pressing the key again therefore climbs through the questions of a long page. The
    disclaimer belongs to the last question.
    """
    questions = [i for i, stop in enumerate(stops) if stop.kind is StopKind.QUESTION]
    if not questions:
        return None
    if current is None:
        return questions[0]
    if stops[current].kind is StopKind.QUESTION:
        earlier = [i for i in questions if i < current]
        return earlier[-1] if earlier else current
    before = [i for i in questions if i <= current]
    return before[-1] if before else questions[0]


def disclaimer_of(stops: tuple[Stop, ...]) -> int | None:
    for index, stop in enumerate(stops):
        if stop.kind is StopKind.DISCLAIMER:
            return index
    return None
