"""Every format the reader opens: JSON, MedQuAD, TREC LiveQA, HTML, clipboard data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_reader.document import Answer, Document, DocumentSource, Question, list_items
from qa_reader.export.json_export import document_to_json
from qa_reader.importers import DocumentLoadError, load, load_bytes, supported_formats
from qa_reader.importers.liveqa import DOCUMENT_TITLE
from qa_reader.render import render_html

DATA = Path(__file__).resolve().parent / "data"


def load_error(data: bytes, name: str) -> DocumentLoadError:
    with pytest.raises(DocumentLoadError) as caught:
        load_bytes(data, name)
    return caught.value


# --- the list of formats for file dialogs -----------------------------------------------


def test_supported_formats_name_every_format_with_its_endings() -> None:
    formats = dict(supported_formats())
    assert formats == {
        "Q&A Reader JSON": ("json", "qajson"),
        "MedQuAD XML": ("xml",),
        "TREC LiveQA medical XML": ("xml",),
        "Web page (HTML)": ("html", "htm", "xhtml"),
        "Plain-text page": ("txt", "text"),
    }
    for label, extensions in supported_formats():  # unpacks as (name, extensions)
        assert label and all(ext == ext.lower() and "." not in ext for ext in extensions)


# --- JSON (qa-reader/1) -----------------------------------------------------------------


def test_json_export_then_import_gives_the_same_document_and_bytes(tmp_path: Path) -> None:
    original = load(DATA / "fasting-coffee.txt")
    exported = document_to_json(original)
    file = tmp_path / "coffee.json"
    file.write_text(exported, encoding="utf-8")
    imported = load(file)
    assert imported == original  # the source recorded in the file is kept
    assert document_to_json(imported) == exported


def test_the_golden_json_fixture_is_read() -> None:
    document = load(DATA / "winter-eczema-crlf.json")
    assert document.title == "Why does my eczema get worse in winter?"
    assert document.source == DocumentSource(path=None, format="text")
    assert document_to_json(document) == (DATA / "winter-eczema-crlf.json").read_text("utf-8")


def _exported() -> dict[str, object]:
    document = Document(
        title="T",
        questions=(Question("T", "D", (Answer("A", "Dr. X"),), 1),),
        source=DocumentSource(path="/p.txt", url="https://example.org/t"),
    )
    return json.loads(document_to_json(document))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("title"), "“title” is missing"),
        (lambda d: d.update(extra=1), "“extra” is not part of qa-reader/1"),
        (lambda d: d.update(disclaimer=""), "“disclaimer” must be text that is not empty"),
        (lambda d: d["source"].pop("format"), "“source.format” is missing"),
        (lambda d: d["source"].update(format=None), "“source.format”"),
        (lambda d: d["questions"][0].update(answers={}), "“questions[0].answers” must be a list"),
        (
            lambda d: d["questions"][0].update(declared_answer_count=-2),
            "“questions[0].declared_answer_count” must be a whole number",
        ),
        (
            lambda d: d["questions"][0].update(declared_answer_count=True),
            "“questions[0].declared_answer_count”",
        ),
        (
            lambda d: d["questions"][0]["answers"][0].update(author=7),
            "“questions[0].answers[0].author”",
        ),
        (lambda d: d["questions"].append("x"), "“questions[1]” must be an object"),
        (lambda d: d.update(schema="qa-reader/2"), "“schema” says “qa-reader/2”"),
    ],
)
def test_a_wrong_or_missing_json_field_is_named(change: object, field: str) -> None:
    data = _exported()
    change(data)  # type: ignore[operator]
    error = load_error(json.dumps(data).encode(), "doc.json")
    assert error.format_label == "Q&A Reader JSON"
    assert field in error.user_message
    assert error.user_message.startswith("“doc.json” could not be opened as Q&A Reader JSON: ")


def test_broken_json_names_the_line() -> None:
    error = load_error(b'{"schema": "qa-reader/1",\n  "title": }', "broken.json")
    assert error.line == 2
    assert "not valid JSON" in error.user_message and "(line 2)" in error.user_message


def test_a_json_file_found_by_its_ending_only_is_still_checked() -> None:
    error = load_error(b"[1, 2, 3]", "list.json")
    assert "must be an object" in error.reason


def test_json_with_a_line_separator_inside_a_string_round_trips() -> None:
    document = Document(title="a\u2028b\x85c", source=DocumentSource(format="text"))
    exported = document_to_json(document)
    assert document_to_json(load_bytes(exported.encode("utf-8"), "x.json")) == exported


# --- MedQuAD ------------------------------------------------------------------------------


def test_medquad_topic_questions_answers_and_source_link() -> None:
    document = load(DATA / "medquad-shingles.xml")
    assert document.title == "Shingles"
    assert document.source.format == "medquad"
    assert document.source.url == "https://example.org/health/shingles"
    assert [q.title for q in document.questions] == [
        "What is (are) Shingles ?",
        "Who is at risk for Shingles ?",
        "What are the treatments for Shingles ?",
        "How to prevent Shingles ?",
    ]
    first = document.questions[0].answers[0]
    assert first.paragraphs[2] == "Key Points"
    assert list_items(first.paragraphs[3]) == (
        "The rash usually appears on one side of the body.",
        "It often starts as a burning or tingling feeling.",
        "Blisters crust over within about ten days.",
    )
    assert first.paragraphs[-1] == "Most people have shingles only once."


def test_medquad_questions_with_empty_answers_stay_unanswered() -> None:
    document = load(DATA / "medquad-shingles.xml")
    assert [len(q.answers) for q in document.questions] == [1, 1, 0, 0]
    html = render_html(document)
    assert html.count("No doctor has answered this question yet.") == 2


def test_medquad_renders_with_contents_list_and_source_link() -> None:
    html = render_html(load(DATA / "medquad-shingles.xml"))
    for number in range(1, 5):
        assert f"<a href='#question-{number}'>" in html
        assert f"<a name='question-{number}' " in html
    assert "<ul><li>The rash usually appears" in html
    assert '<a href="https://example.org/health/shingles">' in html


def test_medquad_without_questions_is_explained() -> None:
    data = b'<?xml version="1.0"?><Document id="1"><Focus>X</Focus><QAPairs/></Document>'
    error = load_error(data, "x.xml")
    assert error.user_message == (
        "“x.xml” could not be opened as MedQuAD XML: it holds no questions "
        "(no <QAPair> with a question or an answer)."
    )


def test_medquad_in_a_declared_legacy_encoding() -> None:
    text = (
        '<?xml version="1.0" encoding="windows-1252"?>\n'
        "<Document><Focus>Café au lait spots</Focus><QAPairs><QAPair>"
        "<Question>What are café au lait spots?</Question><Answer>Flat – brown marks.</Answer>"
        "</QAPair></QAPairs></Document>"
    )
    document = load_bytes(text.encode("cp1252"), "spots.xml")
    assert document.title == "Café au lait spots"
    assert document.questions[0].answers[0].text == "Flat – brown marks."


def test_xml_that_is_not_well_formed_names_the_line() -> None:
    error = load_error(b"<?xml version='1.0'?>\n<Document>\n<Focus>X</Fcus>\n", "bad.xml")
    assert error.line == 3
    assert error.user_message.startswith("“bad.xml” could not be opened as MedQuAD XML: ")
    assert "not well-formed" in error.reason


def test_xml_of_another_kind_is_explained() -> None:
    error = load_error(b"<?xml version='1.0'?><rss><channel/></rss>", "feed.xml")
    assert "not one of the kinds Q&A Reader reads" in error.reason and "<rss>" in error.reason


# --- TREC LiveQA --------------------------------------------------------------------------


def test_liveqa_training_spelling() -> None:
    document = load(DATA / "liveqa-train.xml")
    assert document.title == DOCUMENT_TITLE and document.source.format == "liveqa"
    first, second = document.questions
    assert first.title == "vitamin d and sunscreen"
    assert first.details.startswith("Does wearing sunscreen every day")
    assert len(first.answers) == 1
    # An empty subject: the title is the message's first sentence, the message stays.
    assert second.title == "My husband snores loudly and sometimes stops breathing at night."
    assert second.details.endswith("He is very tired in the day.")
    assert [len(a.paragraphs) for a in second.answers] == [3, 1]
    assert list_items(second.answers[0].paragraphs[2]) == (
        "loud snoring",
        "choking or gasping during sleep",
        "daytime sleepiness",
    )


def test_liveqa_test_spelling_with_reference_answers() -> None:
    document = load(DATA / "liveqa-test.xml")
    first, second = document.questions
    assert first.title == "Ear ringing after concert"
    assert [a.text for a in first.answers] == [
        "Ringing after loud noise often fades within a few days.\n\n"
        "See a doctor if it lasts more than a week or you cannot hear well.",
        "Protect your ears with earplugs at future concerts.",
    ]
    assert second.title == "Is it safe to take my blood pressure pills with grapefruit juice?"
    assert second.answers == ()
    assert "<a href='#question-2'>" in render_html(document)


def test_liveqa_single_question_is_titled_by_it() -> None:
    data = b"<NLM-QUESTION><SUBJECT>Dry eyes</SUBJECT><MESSAGE>Why?</MESSAGE></NLM-QUESTION>"
    document = load_bytes(data, "one.xml")
    assert document.title == "Dry eyes" and document.questions[0].details == "Why?"


# --- HTML ---------------------------------------------------------------------------------


def test_saved_page_drops_scripts_navigation_and_forms_and_keeps_the_list() -> None:
    document = load(DATA / "saved-page.html")
    assert document.source.format == "html"
    assert document.title == "Can I exercise with a cold?"
    question = document.questions[0]
    assert question.details == (
        "I have a runny nose and a mild sore throat.\nI usually run 5 km every morning."
    )
    assert question.declared_answer_count == 2
    first, second = question.answers
    assert first.author == "Dr. Lena Brandt"
    assert list_items(first.paragraphs[-1]) == (
        "walk instead of running",
        "drink plenty of water",
        "stop if you feel dizzy or short of breath",
    )
    assert second == Answer(
        "Rest if you have a fever, aches or a chest cough.", "Dr. Omar Haddad, MD"
    )
    assert document.disclaimer == (
        "This is general information and not a substitute for seeing a doctor."
    )
    everything = document_to_json(document)
    for dropped in ("tracking", "buy now", "Log in", "Font Size", "Type here", "Send", "not text"):
        assert dropped not in everything


def test_html_in_a_declared_legacy_encoding() -> None:
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
        "</head><body><h1>Is caf\u00e9 coffee \u201cstrong\u201d?</h1></body></html>"
    )
    document = load_bytes(page.encode("cp1252"), "page.htm")
    assert document.title == "Is caf\u00e9 coffee \u201cstrong\u201d?"


def test_html_without_readable_text_is_explained() -> None:
    error = load_error(b"<html><script>x()</script><nav>Home</nav></html>", "empty.html")
    assert error.user_message == (
        "“empty.html” could not be opened as Web page (HTML): "
        "the page has no readable text (only markup, scripts or menus)."
    )


# --- clipboard data through load_bytes ----------------------------------------------------


def test_clipboard_html_fragment_with_meta_charset() -> None:
    data = (DATA / "clipboard-fragment.html").read_bytes()
    document = load_bytes(data, "clipboard.html")
    assert document.source == DocumentSource(path=None, format="html")
    question = document.questions[0]
    assert question.title == "Why do my knees ache when it rains?"
    assert question.details == "It happens every autumn. I’m 68."
    (answer,) = question.answers
    assert answer.author == "Dr. Sofia Marín"
    assert list_items(answer.paragraphs[-1]) == ("Keep moving gently", "Keep the joints warm")


def test_clipboard_html_fragment_without_any_declaration_is_utf8() -> None:
    data = "<b>Is 37.8 °C a fever?</b><br>My daughter is 4 — she feels warm.".encode()
    document = load_bytes(data, "clipboard.html")
    assert document.title == "Is 37.8 °C a fever?"
    assert document.questions[0].details == "My daughter is 4 — she feels warm."


def test_clipboard_text() -> None:
    text = "Can I drink coffee before a blood test?\r\nAnswers (1)\r\nWater only.\r\n"
    document = load_bytes(text.encode("utf-8"), "clipboard.txt")
    assert document.source == DocumentSource(path=None, format="text")
    assert document.questions[0].answers == (Answer("Water only."),)


def test_the_extension_decides_when_the_content_does_not() -> None:
    document = load_bytes(b"Is this a fever?\n\nIt is 38 &deg;C.", "page.html")
    assert document.source.format == "html"
    # As in a browser, line breaks in HTML text are spaces and references are decoded.
    assert document.title == "Is this a fever? It is 38 °C."


def test_json_written_before_source_url_existed_still_opens() -> None:
    from qa_reader.importers import load_bytes

    old = (
        '{"schema": "qa-reader/1", "title": "T", "disclaimer": null,'
        ' "source": {"path": null, "format": "text"},'
        ' "questions": [{"title": "T", "details": null, "declared_answer_count": null,'
        ' "answers": [{"text": "A.", "author": null}]}]}'
    )
    document = load_bytes(old.encode(), "old.json")
    assert document.source.url is None
    assert document.questions[0].answers[0].text == "A."
