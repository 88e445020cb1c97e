"""Plain-text pages in the forms real pages take besides the core layout."""

from __future__ import annotations

from qa_reader.document import Answer, DocumentSource, Question
from qa_reader.importers import load_bytes
from qa_reader.importers.page_text import parse_page_text


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_page_text(text, DocumentSource())


# --- answers separated by single line breaks --------------------------------------------


def test_single_line_breaks_between_answers_when_the_count_is_declared() -> None:
    text = "Can I fly with a cold?\n\nDoctors Answers (3)\nYes, usually.\nChew gum.\nAvoid it."
    assert parse(text).questions[0].answers == (
        Answer("Yes, usually."),
        Answer("Chew gum."),
        Answer("Avoid it."),
    )


def test_single_line_breaks_with_signature_lines() -> None:
    text = (
        "Can I fly with a cold?\nAnswers (2)\n"
        "Yes, usually.\n-- Dr. Ana Lima\nAvoid it if your ears hurt.\n— Dr. Bo Ek"
    )
    assert parse(text).questions[0].answers == (
        Answer("Yes, usually.", "Dr. Ana Lima"),
        Answer("Avoid it if your ears hurt.", "Dr. Bo Ek"),
    )


def test_lines_are_kept_together_when_they_do_not_give_the_declared_count() -> None:
    text = "Q?\n\nAnswers (2)\n\nOne line\nof one answer\nin three lines."
    answers = parse(text).questions[0].answers
    assert answers == (Answer("One line\nof one answer\nin three lines."),)


def test_a_list_stays_in_one_answer_when_lines_are_split() -> None:
    text = "Q?\n\nAnswers (2)\nTry this:\n\n• rest\n• water"
    answers = parse(text).questions[0].answers
    assert answers == (Answer("Try this:"), Answer("• rest\n• water"))


# --- Question: / Answer: labels ---------------------------------------------------------


def test_a_labelled_page_with_two_questions() -> None:
    text = (
        "Heartburn at night\n\n"
        "Question: Why is it worse lying down?\n"
        "It wakes me at 3 am.\n"
        "Answer: Acid flows back more easily when you lie flat.\n"
        "Raise the head of the bed.\n"
        "-- Dr. Ana Lima\n"
        "Answer: Avoid late meals.\n\n"
        "Q2: Can I take antacids every day?\n"
        "A: Ask your doctor if you need them most days.\n\n"
        "Disclaimer: General information only."
    )
    document = parse(text)
    assert document.title == "Heartburn at night"
    assert document.questions == (
        Question(
            "Why is it worse lying down?",
            "It wakes me at 3 am.",
            (
                Answer(
                    "Acid flows back more easily when you lie flat.\nRaise the head of the bed.",
                    "Dr. Ana Lima",
                ),
                Answer("Avoid late meals."),
            ),
        ),
        Question(
            "Can I take antacids every day?",
            "",
            (Answer("Ask your doctor if you need them most days."),),
        ),
    )
    assert document.disclaimer == "General information only."


def test_a_question_label_on_a_line_of_its_own() -> None:
    text = "QUESTION:\nIs a fever of 38 °C dangerous?\nANSWER:\nNot usually for adults."
    document = parse(text)
    assert document.title == "Is a fever of 38 °C dangerous?"
    assert document.questions[0].answers == (Answer("Not usually for adults."),)


def test_a_question_label_without_answers_is_an_ordinary_page() -> None:
    document = parse("Question: is this a fever?\n\nIt is 38 °C.")
    assert document.title == "Question: is this a fever?"
    assert document.questions[0].details == "It is 38 °C."


# --- no heading at all ------------------------------------------------------------------


def test_pasted_text_without_a_title_is_all_details() -> None:
    first = (
        "My mother is 82 and takes warfarin, and her GP has now also prescribed an "
        "antibiotic for a chest infection. Is it safe to take both together, or should "
        "we ask for another one?"
    )
    text = first + "\nShe also takes vitamin K supplements.\n\nThank you."
    question = parse(text).questions[0]
    assert question.title == (
        "My mother is 82 and takes warfarin, and her GP has now also prescribed an "
        "antibiotic for a chest\u2026"
    )
    assert question.details == first + "\nShe also takes vitamin K supplements.\n\nThank you."
    assert question.answers == ()


def test_clipboard_text_with_labels_through_load_bytes() -> None:
    data = b"Q: Can I eat eggs with high cholesterol?\r\nA: In moderation, yes.\r\n"
    document = load_bytes(data, "clipboard.txt")
    assert document.questions[0].answers == (Answer("In moderation, yes."),)
