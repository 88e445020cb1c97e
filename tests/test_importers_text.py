"""The plain-text page parser: one group of tests per rule in page_text's docstring."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from qa_reader.document import Answer, Document, DocumentSource
from qa_reader.importers.page_text import NothingToShowError, parse_page_text

SOURCE = DocumentSource(path="/pages/page.txt", format="text")
REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def parse(text: str) -> Document:
    return parse_page_text(text, SOURCE)


def page(*blocks: str) -> str:
    """A page from blocks separated by one blank line."""
    return "\n\n".join(blocks) + "\n"


def answers_of(document: Document) -> tuple[Answer, ...]:
    return document.questions[0].answers


# --- the whole example -----------------------------------------------------------------


def test_example_page() -> None:
    document = parse((DATA / "fasting-coffee.txt").read_text(encoding="utf-8"))
    question = document.questions[0]
    assert (
        document.title == question.title == ("Is black coffee allowed before a fasting blood test?")
    )
    assert question.details == (
        "My blood test is at 7:30 tomorrow morning and the letter says to fast for 10 hours.\n"
        "Does a cup of black coffee without sugar break the fast?"
    )
    assert question.declared_answer_count == 3
    assert [answer.text[:20] for answer in question.answers] == [
        "Strictly speaking, f",
        "It depends on the te",
        "Plain water is fine ",
    ]
    assert all(answer.author is None for answer in question.answers)
    assert not question.answer_count_mismatch
    assert document.disclaimer == (
        "These answers are general information, not medical advice for your situation."
    )
    assert document.source == SOURCE
    assert len(document.questions) == 1


def test_crlf_page_with_breadcrumb_signatures_and_long_disclaimer() -> None:
    data = (DATA / "winter-eczema-crlf.txt").read_bytes()
    document = parse(data.decode("utf-8"))
    question = document.questions[0]
    assert document.title == "Why does my eczema get worse in winter?"
    assert question.details == "I am 34 and it has happened every year since I moved north."
    assert question.declared_answer_count == 2
    assert question.answers == (
        Answer(
            "Cold air outside and heating inside both dry the skin.\n"
            "Use a thick unscented cream twice a day.",
            "Dr. Ingrid Solberg, Dermatologist",
        ),
        Answer(
            "Short lukewarm showers help more than people expect.\n\n"
            "Pat the skin dry instead of rubbing it.",
            "Dr Tomas Varga",
        ),
    )
    assert document.disclaimer == (
        "General information only.\n\nSee your own doctor if the skin is broken or weeping."
    )


def test_the_bundled_sample_page() -> None:
    sample = REPO_ROOT / "resources" / "samples" / "fever-ibuprofen-and-paracetamol.txt"
    question = parse(sample.read_text(encoding="utf-8")).questions[0]
    assert question.declared_answer_count == len(question.answers) == 4
    assert [answer.author for answer in question.answers] == [
        "Dr. Amina Farouk, General Practitioner",
        "Dr. Jonas Berg, Clinical Pharmacologist",
        "Dr. Peter Lindqvist, Family Medicine",
        "Dr. Helen Okafor, Emergency Medicine",
    ]
    assert len(question.answers[0].paragraphs) == 2
    assert not any("--" in answer.text for answer in question.answers)


# --- navigation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Font Size: Increase | Decrease",
        "FONT SIZE: INCREASE | DECREASE",
        "Font size: A A A",
        "Font-size: A- A A+",
        "Font size:",
        "Increase | Decrease",
        "Text size: + -",
        "Text Size: Small | Medium | Large",
        "Home > Questions > Cardiology",
        "Home » Ask a Doctor » Heart & Blood Vessels",
        "You are here: Home / Questions",
        "Print | Share",
        "Print · Email · Share",
        "A+ A-",
    ],
)
def test_leading_navigation_lines_are_dropped(line: str) -> None:
    document = parse(page(line, "Is it safe to fly with a cold?", "Answers (1)", "Usually yes."))
    assert document.title == "Is it safe to fly with a cold?"
    assert line not in document.questions[0].details


def test_several_navigation_lines_in_a_row_and_in_one_paragraph() -> None:
    text = (
        "  Home > Questions  \nFont Size: Increase | Decrease\n\n\nPrint | Share\nWhat is gout?\n"
    )
    assert parse(text).title == "What is gout?"


@pytest.mark.parametrize(
    "title",
    [
        "Font size on my medicine box is too small, who can help?",
        "Text size of prescription labels",
        "Home > Can I take aspirin every day?",
        "Home remedies for a sore throat?",
        "Increase or decrease my insulin before running?",
        "Print",
        "Share",
        "A",
        "Increase",
        "Print my results | share with GP",
        "Home",
    ],
)
def test_real_questions_are_never_taken_for_navigation(title: str) -> None:
    assert parse(page(title, "Answers (1)", "An answer.")).title == title


def test_navigation_after_the_title_is_content() -> None:
    text = page(
        "Can stress raise blood pressure?",
        "Print | Share",
        "Answers (1)",
        "Yes, for a while.\nFont Size: Increase | Decrease",
    )
    question = parse(text).questions[0]
    assert question.details == "Print | Share"
    assert question.answers == (Answer("Yes, for a while.\nFont Size: Increase | Decrease"),)


@pytest.mark.parametrize(
    "text",
    [
        "Font Size: Increase | Decrease\n",
        (DATA / "navigation-only.txt").read_text(encoding="utf-8"),
        "\n\n   \n\t\n",
        "",
    ],
    ids=["one-line", "fixture", "blank", "empty"],
)
def test_a_page_of_nothing_but_navigation_is_refused(text: str) -> None:
    with pytest.raises(NothingToShowError) as caught:
        parse(text)
    assert caught.value.reason == "the file does not contain any text to show"
    assert isinstance(caught.value, ValueError)


# --- title and details ---------------------------------------------------------------


def test_title_is_the_first_line_and_the_rest_of_its_paragraph_opens_the_details() -> None:
    text = page(
        "Can I exercise after a flu shot?\nI had it this morning.\nMy arm is sore.",
        "I usually run 5 km.",
        "Answers (1)",
        "Yes, light exercise is fine.",
    )
    question = parse(text).questions[0]
    assert question.title == "Can I exercise after a flu shot?"
    assert question.details == "I had it this morning.\nMy arm is sore.\n\nI usually run 5 km."
    assert question.detail_paragraphs == (
        "I had it this morning.\nMy arm is sore.",
        "I usually run 5 km.",
    )


def test_details_may_be_missing_entirely() -> None:
    question = parse(page("Is a nosebleed dangerous?", "Answers (1)", "Rarely.")).questions[0]
    assert question.details == ""
    assert question.answers == (Answer("Rarely."),)


def test_a_page_of_one_line() -> None:
    document = parse("   What is a normal temperature?   ")
    question = document.questions[0]
    assert document.title == "What is a normal temperature?"
    assert (question.details, question.answers, question.declared_answer_count) == ("", (), None)
    assert document.disclaimer is None


# --- answers heading -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "count"),
    [
        ("Doctors Answers (3)", 3),
        ("Doctor Answers (3)", 3),
        ("Doctors' Answers (3)", 3),
        ("Doctors’ Answers (3)", 3),
        ("Doctor's Answers (3)", 3),
        ("Answers (3)", 3),
        ("3 Answers", 3),
        ("1 Answer", 1),
        ("12 Doctors Answers", 12),
        ("doctors answers (3)", 3),
        ("DOCTORS ANSWERS (3)", 3),
        ("   Doctors Answers ( 3 )   \t", 3),
        ("Answers(3)", 3),
        ("Answers (03)", 3),
        ("Answers (0)", 0),
        ("Answers", None),
        ("Doctors Answers:", None),
    ],
)
def test_answer_headings(heading: str, count: int | None) -> None:
    text = page("Do I need antibiotics for a cold?", "Details.", heading, "No.")
    question = parse(text).questions[0]
    assert question.declared_answer_count == count
    assert question.details == "Details."
    assert question.answers == (Answer("No."),)


@pytest.mark.parametrize(
    "line",
    [
        "There are 3 answers below",
        "Answers (3) follow",
        "Answers (many)",
        "Doctors Answers (3) - see below",
        "My answers (2)",
        "Answers (12345678901)",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    question = parse(page("Question?", line, "More text.")).questions[0]
    assert question.declared_answer_count is None
    assert question.answers == ()
    assert question.details == f"{line}\n\nMore text."


def test_only_the_first_heading_counts() -> None:
    text = page("Question?", "Answers (2)", "First.", "3 Answers", "Second.")
    question = parse(text).questions[0]
    assert question.declared_answer_count == 2
    assert [answer.text for answer in question.answers] == ["First.", "3 Answers", "Second."]


def test_a_heading_on_a_line_of_its_own_inside_a_paragraph() -> None:
    text = "Question?\nSome details.\nDoctors Answers (1)\nThe answer.\n"
    question = parse(text).questions[0]
    assert question.details == "Some details."
    assert question.declared_answer_count == 1
    assert question.answers == (Answer("The answer."),)


def test_the_title_line_is_never_the_heading() -> None:
    document = parse(page("Answers (2)", "Text."))
    assert document.title == "Answers (2)"
    assert document.questions[0].declared_answer_count is None


# --- disclaimer ----------------------------------------------------------------------


def test_disclaimer_label_is_removed_and_following_paragraphs_are_kept() -> None:
    text = page(
        "Question?",
        "Answers (1)",
        "An answer.",
        "Disclaimer:   Not advice.\nSecond line.",
        "Another paragraph.",
        "Answers (2)",
    )
    document = parse(text)
    assert document.disclaimer == "Not advice.\nSecond line.\n\nAnother paragraph.\n\nAnswers (2)"
    assert answers_of(document) == (Answer("An answer."),)


@pytest.mark.parametrize(
    "label", ["Disclaimer:", "DISCLAIMER:", "disclaimer :", "Disclaimer", "Disclaimer:\n"]
)
def test_disclaimer_label_forms(label: str) -> None:
    sep = "" if label.endswith("\n") else (" " if label.endswith(":") else "\n")
    text = page("Question?", "Answers (1)", "An answer.", f"{label}{sep}Only general information.")
    document = parse(text)
    assert document.disclaimer == "Only general information."
    assert answers_of(document) == (Answer("An answer."),)


def test_no_disclaimer() -> None:
    assert parse(page("Question?", "Answers (1)", "An answer.")).disclaimer is None


def test_an_empty_disclaimer_is_no_disclaimer() -> None:
    document = parse(page("Question?", "Answers (1)", "An answer.", "Disclaimer:"))
    assert document.disclaimer is None
    assert answers_of(document) == (Answer("An answer."),)


def test_disclaimer_without_an_answers_heading_is_not_details() -> None:
    document = parse((DATA / "no-heading.txt").read_text(encoding="utf-8"))
    question = document.questions[0]
    assert question.details == (
        "I measure 58 beats a minute in the morning. I walk every day and feel well.\n\n"
        "Should I worry about it?"
    )
    assert document.disclaimer == (
        "Nobody has answered this question yet. Information on this site does not replace a doctor."
    )
    assert question.answers == () and question.declared_answer_count is None


def test_disclaimer_must_start_a_paragraph() -> None:
    text = page("Question?", "Answers (1)", "Take it with food.\nDisclaimer: ask your GP too.")
    document = parse(text)
    assert document.disclaimer is None
    assert answers_of(document) == (Answer("Take it with food.\nDisclaimer: ask your GP too."),)


def test_words_that_merely_start_like_the_label_are_not_a_disclaimer() -> None:
    text = page("Question?", "Answers (2)", "Disclaimers are everywhere.", "Second.")
    document = parse(text)
    assert document.disclaimer is None
    assert len(answers_of(document)) == 2


def test_disclaimer_before_the_heading_ends_at_the_heading() -> None:
    text = page("Question?", "Details.", "Disclaimer: Early notice.", "Answers (1)", "Answer.")
    document = parse(text)
    assert document.questions[0].details == "Details."
    assert document.disclaimer == "Early notice."
    assert answers_of(document) == (Answer("Answer."),)


def test_disclaimers_before_and_after_the_answers_are_joined() -> None:
    text = page("Question?", "Disclaimer: Early.", "Answers (1)", "Answer.", "Disclaimer: Late.")
    assert parse(text).disclaimer == "Early.\n\nLate."


def test_disclaimer_before_the_question_is_not_the_title() -> None:
    text = page("Font Size: Increase | Decrease", "Disclaimer: Site banner.", "Question?", "Det.")
    document = parse(text)
    assert document.title == "Question?"
    assert document.questions[0].details == "Det."
    assert document.disclaimer == "Site banner."


def test_a_page_that_is_only_a_disclaimer_keeps_it_as_the_title() -> None:
    document = parse("Disclaimer: nothing here.\n")
    assert document.title == "Disclaimer: nothing here."
    assert document.disclaimer is None


def test_a_disclaimer_line_right_under_the_title_belongs_to_the_details() -> None:
    # Lines of the title's paragraph are details; only a paragraph start is a label.
    question = parse("Question?\nDisclaimer: my own words\n").questions[0]
    assert question.details == "Disclaimer: my own words"


# --- whitespace and line ends --------------------------------------------------------

CLEAN_PAGE = page(
    "Question?",
    "Details line one.\nDetails line two.",
    "Answers (2)",
    "First answer.",
    "Second answer.",
    "Disclaimer: Careful.",
)


def test_extra_blank_lines_and_spaces_do_not_matter() -> None:
    messy = (
        "\n\n  \t\nQuestion?   \n\n\n \n\t  Details line one.  \nDetails line two.\t\n"
        "   \n\n\n  Answers (2)  \n \n\nFirst answer.   \n\t\n\n\n\nSecond answer.\n"
        "\n\n\n   Disclaimer: Careful.   \n\n\n   \n"
    )
    assert parse(messy) == parse(CLEAN_PAGE)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_other_line_ends(newline: str) -> None:
    assert parse(CLEAN_PAGE.replace("\n", newline)) == parse(CLEAN_PAGE)


def test_a_byte_order_mark_left_in_the_text_is_ignored() -> None:
    assert parse("\ufeff" + CLEAN_PAGE) == parse(CLEAN_PAGE)


# --- grouping answers ----------------------------------------------------------------


def test_one_declared_answer_keeps_all_paragraphs_together() -> None:
    text = page("Question?", "Answers (1)", "Part one.", "Part two.", "Part three.")
    question = parse(text).questions[0]
    assert question.answers == (Answer("Part one.\n\nPart two.\n\nPart three."),)
    assert not question.answer_count_mismatch


def test_one_declared_answer_with_a_signature() -> None:
    question = parse((DATA / "single-answer.txt").read_text(encoding="utf-8")).questions[0]
    assert question.title == "How long should a sprained ankle be rested?"
    (answer,) = question.answers
    assert answer.author == "Dr. Jane Roe, MD"
    assert len(answer.paragraphs) == 3
    assert answer.text.endswith("have it checked for a fracture.")


def test_one_declared_answer_keeps_earlier_signatures_in_the_text() -> None:
    text = page("Q?", "Answers (1)", "Part one.\n-- Dr. A Smith", "Part two.\n-- Dr. B Jones")
    (answer,) = parse(text).questions[0].answers
    assert answer == Answer("Part one.\n-- Dr. A Smith\n\nPart two.", "Dr. B Jones")


def test_one_declared_answer_that_is_only_a_signature_stays_text() -> None:
    (answer,) = parse(page("Q?", "Answers (1)", "-- Dr. Ann Lee")).questions[0].answers
    assert answer == Answer("-- Dr. Ann Lee")


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        ("-- Dr. Name", "Dr. Name"),
        ("— Dr. Name", "Dr. Name"),
        ("– Dr Name", "Dr Name"),
        ("- Dr. Jane Roe, MD", "Dr. Jane Roe, MD"),
        ("--Dr. Ana de la Cruz", "Dr. Ana de la Cruz"),
        ("-- Jane Roe, M.D.", "Jane Roe, M.D."),
        ("-- Jane Roe, MD, FRCP", "Jane Roe, MD, FRCP"),
        (
            "— Prof. Kim Lee, Head of Cardiology, City Hospital",
            "Prof. Kim Lee, Head of Cardiology, City Hospital",
        ),
        ("-- Doctor Sam O'Neill", "Doctor Sam O'Neill"),
        ("- Dr. J. K. Smith Jr.", "Dr. J. K. Smith Jr."),
    ],
)
def test_signature_forms(signature: str, author: str) -> None:
    for layout in (f"Rest well.\n{signature}", f"Rest well.\n\n{signature}"):
        text = page("Q?", "Answers (2)", layout, "Drink water.\n-- Dr. Bo Ek")
        assert parse(text).questions[0].answers == (
            Answer("Rest well.", author),
            Answer("Drink water.", "Dr. Bo Ek"),
        ), layout


@pytest.mark.parametrize(
    "line",
    [
        "- Dr. Smith said to rest.",
        "- Dr. Smith's advice helped",
        "- doctors recommend rest",
        "- Dr. recommended rest",
        "- take 500 mg twice a day",
        "-- Jane Roe, a friend",
        "- Dr. Smith, who I saw, told me to rest.",
        "- Dr.",
        "-5 °C outside",
    ],
)
def test_lines_that_are_not_signatures(line: str) -> None:
    text = page("Q?", "Answers (2)", f"First.\n{line}", "Second.")
    assert [answer.author for answer in parse(text).questions[0].answers] == [None, None]


def test_a_dashed_list_ending_in_a_name_is_not_a_signature() -> None:
    text = page("Q?", "Answers (2)", "Specialists:\n- Dr. Ann Lee\n- Dr. Bo Ek", "Second.")
    answers = parse(text).questions[0].answers
    assert answers == (Answer("Specialists:\n- Dr. Ann Lee\n- Dr. Bo Ek"), Answer("Second."))


def test_a_list_before_a_signature_with_another_dash_is_fine() -> None:
    text = page("Q?", "Answers (2)", "Take:\n- rest\n- fluids\n-- Dr. Ann Lee", "Second.")
    answers = parse(text).questions[0].answers
    assert answers[0] == Answer("Take:\n- rest\n- fluids", "Dr. Ann Lee")


def test_more_paragraphs_than_declared_without_signatures_one_answer_each() -> None:
    text = page("Q?", "Doctors Answers (2)", "One.", "Two.", "Three.")
    question = parse(text).questions[0]
    assert [answer.text for answer in question.answers] == ["One.", "Two.", "Three."]
    assert question.answer_count_mismatch


def test_fewer_paragraphs_than_declared_is_not_an_error() -> None:
    question = parse(page("Q?", "Answers (5)", "Only one.")).questions[0]
    assert question.answers == (Answer("Only one."),)
    assert question.declared_answer_count == 5 and question.answer_count_mismatch


def test_heading_without_answers() -> None:
    question = parse(page("Q?", "Answers (2)", "Disclaimer: none yet.")).questions[0]
    assert question.answers == () and question.answer_count_mismatch


def test_signatures_group_paragraphs_when_there_are_more_than_declared() -> None:
    text = page(
        "Q?",
        "Answers (2)",
        "A one.",
        "A two.\n-- Dr. Ann Lee",
        "B one.",
        "B two.",
        "— Dr. Bo Ek",
    )
    question = parse(text).questions[0]
    assert question.answers == (
        Answer("A one.\n\nA two.", "Dr. Ann Lee"),
        Answer("B one.\n\nB two.", "Dr. Bo Ek"),
    )
    assert not question.answer_count_mismatch


def test_signatures_set_authors_when_counts_match() -> None:
    text = page("Q?", "3 Answers", "A.\n-- Dr. Ann Lee", "B.\n-- Dr. Bo Ek", "C.\n-- Dr. Cy Ng")
    answers = parse(text).questions[0].answers
    assert [(answer.text, answer.author) for answer in answers] == [
        ("A.", "Dr. Ann Lee"),
        ("B.", "Dr. Bo Ek"),
        ("C.", "Dr. Cy Ng"),
    ]


def test_unsigned_paragraphs_after_the_last_signature_make_the_one_missing_answer() -> None:
    text = page("Q?", "Answers (2)", "A.\n-- Dr. Ann Lee", "B one.", "B two.")
    assert parse(text).questions[0].answers == (
        Answer("A.", "Dr. Ann Lee"),
        Answer("B one.\n\nB two."),
    )


def test_unsigned_paragraphs_after_the_last_signature_otherwise_one_each() -> None:
    text = page("Q?", "Answers (4)", "A.\n-- Dr. Ann Lee", "B.", "C.", "D.")
    assert [answer.text for answer in parse(text).questions[0].answers] == ["A.", "B.", "C.", "D."]
    text = page("Q?", "Answers", "A.\n-- Dr. Ann Lee", "B.", "C.")
    assert [answer.text for answer in parse(text).questions[0].answers] == ["A.", "B.", "C."]


def test_no_count_means_one_answer_per_paragraph() -> None:
    question = parse(page("Q?", "Answers", "One.", "Two.")).questions[0]
    assert question.answers == (Answer("One."), Answer("Two."))
    assert question.declared_answer_count is None and not question.answer_count_mismatch


def test_no_count_with_signatures_groups_by_signature() -> None:
    text = page("Q?", "Doctors Answers", "A1.", "A2.\n-- Dr. Ann Lee", "B.\n-- Dr. Bo Ek")
    assert parse(text).questions[0].answers == (
        Answer("A1.\n\nA2.", "Dr. Ann Lee"),
        Answer("B.", "Dr. Bo Ek"),
    )


def test_a_lone_signature_with_nothing_to_sign_stays_text() -> None:
    text = page("Q?", "Answers (2)", "-- Dr. Ann Lee", "B.\n-- Dr. Bo Ek")
    assert parse(text).questions[0].answers == (
        Answer("-- Dr. Ann Lee"),
        Answer("B.", "Dr. Bo Ek"),
    )
    text = page("Q?", "Answers", "-- Dr. Ann Lee", "B.\n-- Dr. Bo Ek")
    assert parse(text).questions[0].answers == (Answer("-- Dr. Ann Lee\n\nB.", "Dr. Bo Ek"),)
    text = page("Q?", "Answers (2)", "A.\n-- Dr. Ann Lee", "-- Dr. Bo Ek")
    assert parse(text).questions[0].answers == (
        Answer("A.", "Dr. Ann Lee"),
        Answer("-- Dr. Bo Ek"),
    )


def test_when_counts_match_each_paragraph_is_an_answer_even_if_some_are_signed() -> None:
    text = page("Q?", "Answers (3)", "A.", "B.\n-- Dr. Bo Ek", "C.")
    question = parse(text).questions[0]
    assert question.answers == (Answer("A."), Answer("B.", "Dr. Bo Ek"), Answer("C."))
    assert not question.answer_count_mismatch


def test_a_signature_paragraph_does_not_count_as_a_paragraph() -> None:
    text = page("Q?", "Answers (3)", "A.", "-- Dr. Ann Lee", "B.", "C.", "— Dr. Cy Ng")
    assert parse(text).questions[0].answers == (
        Answer("A.", "Dr. Ann Lee"),
        Answer("B."),
        Answer("C.", "Dr. Cy Ng"),
    )


def test_fewer_paragraphs_than_declared_are_not_merged_by_signatures() -> None:
    text = page("Q?", "Answers (4)", "A1.", "A2.\n-- Dr. Ann Lee", "B.\n-- Dr. Bo Ek")
    assert parse(text).questions[0].answers == (
        Answer("A1."),
        Answer("A2.", "Dr. Ann Lee"),
        Answer("B.", "Dr. Bo Ek"),
    )


def test_no_heading_means_no_answers_and_everything_is_details() -> None:
    text = page("Q?", "First.", "Second.\n-- Dr. Ann Lee", "3 answers were expected")
    question = parse(text).questions[0]
    assert question.answers == () and question.declared_answer_count is None
    assert question.details == "First.\n\nSecond.\n-- Dr. Ann Lee\n\n3 answers were expected"


# --- performance ---------------------------------------------------------------------


def test_a_10_mb_page_parses_quickly() -> None:
    paragraph = (
        "Take the tablets with a full glass of water and keep to the times on the label. "
    ) * 5
    answers = "\n\n".join(f"{paragraph}\n-- Dr. Ann Lee" for _ in range(24_000))
    text = page("Q?", "Details.\n" * 20, "Doctors Answers (3)", answers, "Disclaimer: x")
    assert len(text) > 10_000_000
    started = time.perf_counter()
    document = parse(text)
    elapsed = time.perf_counter() - started
    assert len(answers_of(document)) == 24_000
    # About 0.2 s on a developer machine; the bound only catches non-linear behaviour.
    assert elapsed < 3.0, elapsed


def test_many_tiny_lines_stay_linear() -> None:
    def timed(count: int) -> float:
        text = "Q?\n" + "x y\n" * count
        started = time.perf_counter()
        parse(text)
        return time.perf_counter() - started

    small = min(timed(100_000) for _ in range(3))
    large = min(timed(800_000) for _ in range(3))
    assert large < small * 8 * 4  # eight times the lines, far from 64 times the time


# --- properties ----------------------------------------------------------------------

LINE_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))


def content_line() -> st.SearchStrategy[str]:
    """A non-blank stripped line that is neither a heading nor a disclaimer label."""
    return (
        st.text(LINE_CHARS, min_size=1, max_size=30)
        .map(str.strip)
        .filter(lambda line: bool(line))
        .filter(lambda line: "answer" not in line.casefold())
        .filter(lambda line: not line.casefold().startswith("disclaimer"))
        .filter(lambda line: not line.startswith("\ufeff"))
    )


def paragraph() -> st.SearchStrategy[str]:
    return st.lists(content_line(), min_size=1, max_size=3).map("\n".join)


SIGNATURES = st.sampled_from(["-- Dr. Ann Lee", "— Dr Bo Ek", "- Cy Ng, MD", "– Prof. Di Wu"])


def answer_block() -> st.SearchStrategy[str]:
    """A paragraph, a signed paragraph or a signature on its own."""
    signed = st.tuples(paragraph(), SIGNATURES).map("\n".join)
    return st.one_of(paragraph(), signed, SIGNATURES)


@settings(max_examples=300)
@given(st.text())
@example("Q?\n\nAnswers (1)\n\n-- Dr. A B")
@example("\u2028Answers\u2029x")
@example("\ufeffQ?")
def test_any_text_parses_or_has_nothing_to_show(text: str) -> None:
    try:
        document = parse(text)
    except NothingToShowError:
        return
    question = document.questions[0]
    assert document.title and document.title == question.title
    lines = {line.strip().lstrip("\ufeff") for line in text.splitlines()}
    if document.title not in lines:  # a first line too long for a title: all details
        assert question.declared_answer_count is None and not question.answers
        assert question.details
    # Answers separated by single line breaks: at most one answer per line.
    assert len(question.answers) <= max(0, len([line for line in lines if line]) - 1)
    assert all(answer.text for answer in question.answers)


@settings(max_examples=200)
@given(
    title=content_line().map(lambda line: line + "?"),
    details=st.lists(paragraph(), max_size=3),
    declared=st.one_of(st.none(), st.integers(min_value=0, max_value=5)),
    answers=st.lists(answer_block(), max_size=6),
    disclaimer=st.one_of(st.none(), paragraph()),
)
def test_structured_pages_lose_nothing_and_invent_nothing(
    title: str,
    details: list[str],
    declared: int | None,
    answers: list[str],
    disclaimer: str | None,
) -> None:
    heading = "Doctors Answers" if declared is None else f"Doctors Answers ({declared})"
    blocks = [title, *details, heading, *answers]
    if disclaimer is not None:
        blocks.append(f"Disclaimer: {disclaimer}")
    document = parse(page(*blocks))
    question = document.questions[0]

    assert document.title == title
    assert question.details == "\n\n".join(details)
    assert question.declared_answer_count == declared
    assert document.disclaimer == disclaimer
    # Lines become answers only when that gives exactly the declared count.
    assert len(question.answers) <= max(len(answers), declared or 0)
    if declared == 1 and answers:
        assert len(question.answers) == 1
    # Every line of the answer paragraphs is in exactly one answer, or became its author.
    source_lines = [line for block in answers for line in block.split("\n")]
    found_lines = [line for answer in question.answers for line in answer.text.split("\n") if line]
    signed = sum(answer.author is not None for answer in question.answers)
    assert len(found_lines) + signed == len(source_lines)
    assert set(found_lines) <= set(source_lines)
    for answer in question.answers:
        assert answer.text
        if answer.author is not None:
            assert any(line.endswith(answer.author) for line in source_lines)


@given(st.lists(paragraph(), min_size=1, max_size=6))
def test_without_signatures_or_count_each_paragraph_is_an_answer(paragraphs: list[str]) -> None:
    assume(not any(line[:1] in "-—–―−~" for block in paragraphs for line in block.split("\n")))
    question = parse(page("Q?", "Answers", *paragraphs)).questions[0]
    assert [answer.text for answer in question.answers] == paragraphs
