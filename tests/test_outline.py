"""The document outline (Qt-free): stops, their words, and where the structure keys go."""

from __future__ import annotations

from qa_reader.document import Answer, Document, Question
from qa_reader.outline import (
    StopKind,
    disclaimer_of,
    item_text,
    next_answer,
    outline,
    position_text,
    previous_answer,
    question_of,
)


def two_questions() -> Document:
    return Document(
        "Two",
        (Question("First?", answers=(Answer("a", "Dr. A"), Answer("b"))),
         Question("  ", answers=(Answer("c"),))),
        disclaimer="Disclaimer: general.",
    )


def test_stops_follow_the_page_and_name_the_render_anchors() -> None:
    stops = outline(two_questions())
    assert [(s.kind, s.anchor) for s in stops] == [
        (StopKind.QUESTION, "question-1"), (StopKind.ANSWER, "answer-1-1"),
        (StopKind.ANSWER, "answer-1-2"), (StopKind.QUESTION, "question-2"),
        (StopKind.ANSWER, "answer-2-1"), (StopKind.DISCLAIMER, "disclaimer"),
    ]
    assert [position_text(s) for s in stops] == [
        "Question 1 of 2", "Question 1 of 2, answer 1 of 2", "Question 1 of 2, answer 2 of 2",
        "Question 2 of 2", "Question 2 of 2, answer 1 of 1", "Medical disclaimer",
    ]
    assert [item_text(s) for s in stops] == [
        "Question 1: First?", "Answer 1 \u2014 Dr. A", "Answer 2", "Question 2: Untitled question",
        "Answer 1", "Medical disclaimer",
    ]


def test_one_question_is_not_numbered() -> None:
    stops = outline(Document("One", (Question("Why?", answers=(Answer("x"),)),)))
    assert [position_text(s) for s in stops] == ["Question", "Answer 1 of 1"]
    assert item_text(stops[0]) == "Question: Why?"
    assert disclaimer_of(stops) is None


def test_moves_between_answers_questions_and_the_disclaimer() -> None:
    stops = outline(two_questions())
    assert next_answer(stops, None) == 1
    assert next_answer(stops, 2) == 4  # over the second question's heading
    assert next_answer(stops, 4) is None
    assert previous_answer(stops, 5) == 4
    assert previous_answer(stops, 1) is None
    assert previous_answer(stops, None) is None
    assert question_of(stops, 2) == 0
    assert question_of(stops, 5) == 3  # the disclaimer belongs to the last question
    assert question_of(stops, 3) == 0  # on a question: the one before it
    assert question_of(stops, 0) == 0
    assert disclaimer_of(stops) == 5
    assert outline(Document("Empty")) == ()
    assert question_of((), None) is None
