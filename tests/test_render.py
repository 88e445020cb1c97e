"""The renderer, without Qt: structure, escaping, links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qa_reader.document import Answer, Document, DocumentSource, Question
from qa_reader.render import RenderLabels, render_html


def sample(**changes: object) -> Document:
    question = Question(
        title="Can I drink coffee before a fasting blood test?",
        details="My appointment is at 8 am.",
        answers=(
            Answer("Water only.", author="Dr. Ada Lee"),
            Answer("Ask the lab.\n\nIt depends on the test."),
        ),
        declared_answer_count=2,
    )
    fields: dict[str, object] = {
        "title": question.title,
        "questions": (question,),
        "disclaimer": "General information, not advice.",
        "source": DocumentSource("/tmp/x.txt", "text"),
    }
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def test_structure_headings_and_disclaimer_box() -> None:
    html = render_html(sample())
    assert "<h1><a name='question-1' title='Can I drink coffee" in html
    assert "Doctors\u2019 answers (2)</a></h2>" in html
    assert "Answer 1 of 2</a></h3>" in html and "Answer 2 of 2</a></h3>" in html
    assert "<p>Ask the lab.</p><p>It depends on the test.</p>" in html
    assert "\u2014 Dr. Ada Lee" in html
    assert "<table class='disclaimer'" in html and "Medical disclaimer</a></h2>" in html
    assert html.index("Answer 2 of 2") < html.index("Medical disclaimer")


def test_mismatch_between_declared_and_found_is_noted() -> None:
    question = Question("Q?", answers=(Answer("only one"),), declared_answer_count=3)
    html = render_html(sample(questions=(question,)))
    assert "Answers announced by the page: 3. Answers found in it: 1." in html


def test_question_without_answers_says_so() -> None:
    html = render_html(sample(questions=(Question("Q?"),)))
    assert "No doctor has answered this question yet." in html
    assert "Doctors\u2019 answers (0)" in html


def test_everything_from_the_document_is_escaped() -> None:
    hostile = '<script>alert(1)</script><img src="file:///etc/passwd"><a href="javascript:x">'
    question = Question(hostile, details=hostile, answers=(Answer(hostile, author=hostile),))
    html = render_html(sample(title=hostile, questions=(question,), disclaimer=hostile))
    assert "<script>" not in html and "<img" not in html and "javascript:x\">" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "href=\"javascript" not in html and "href='javascript" not in html


def test_only_http_addresses_become_links() -> None:
    question = Question(
        "Q?",
        answers=(Answer("See https://medlineplus.gov/a?b=1&c=2. Or javascript:alert(1) "
                        "or file:///etc/passwd or ftp://x.org"),),
    )
    html = render_html(sample(questions=(question,)))
    assert ('<a href="https://medlineplus.gov/a?b=1&amp;c=2">'
            "https://medlineplus.gov/a?b=1&amp;c=2</a>.") in html
    assert html.count("<a href=") == 1


def test_several_questions_get_a_contents_list() -> None:
    questions = tuple(Question(f"Question {n}?", answers=(Answer("a"),)) for n in (1, 2, 3))
    html = render_html(sample(title="Topic", questions=questions))
    assert "<h1>Topic</h1>" in html
    for n in (1, 2, 3):
        assert f"<a href='#question-{n}'>Question {n}?</a>" in html
        assert f"<h2><a name='question-{n}' title='Question {n}?'>Question {n}?</a></h2>" in html


def test_labels_can_be_translated() -> None:
    labels = RenderLabels(answer_heading="Antwort {number} von {count}")
    assert "Antwort 2 von 2" in render_html(sample(), labels=labels)


@given(st.text())
def test_any_text_is_escaped(text: str) -> None:
    question = Question(text, details=text, answers=(Answer(text),))
    html = render_html(sample(title=text, questions=(question,), disclaimer=text))
    body = html.split("</style></head><body>", 1)[1]
    # The only tags are the renderer's own.
    assert "<script" not in body.lower().replace("&lt;script", "")
