"""Property-based checks that no input makes an importer fail other than plainly.

Every importer is fed arbitrary bytes and arbitrary but structurally plausible
documents of its format; the result must always be a Document or our one error
type with a message. The number of examples per test comes from the environment
variable ``QA_READER_FUZZ_EXAMPLES`` (default 100, so the normal suite stays fast).
The opt-in fuzz run in the README sets it to 10000:

    QA_READER_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -m fuzz -p no:cacheprovider
"""

from __future__ import annotations

import json
import os
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_reader.document import Answer, Document, DocumentSource, Question
from qa_reader.export.json_export import document_to_json
from qa_reader.importers import DocumentLoadError, load_bytes

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("QA_READER_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAMES = {
    "text": "page.txt",
    "json": "page.json",
    "medquad": "page.xml",
    "liveqa": "page.xml",
    "html": "page.html",
}


def load_or_explain(data: bytes, name: str) -> Document | None:
    """The document, or None after checking the error carries a message."""
    try:
        document = load_bytes(data, name)
    except DocumentLoadError as error:
        assert error.reason and error.user_message.startswith("“")
        return None
    assert isinstance(document, Document)
    document_to_json(document)  # whatever was read can be exported
    return document


# --- arbitrary bytes, once per format's file-name ending -----------------------------------


@pytest.mark.parametrize("name", sorted(set(NAMES.values())) + ["clipboard.txt", "x.unknown"])
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    load_or_explain(data, name)


@pytest.mark.parametrize("prefix", [b"<?xml version='1.0'?><Document>", b"<NLM-QUESTIONS>",
                                    b'{"schema": "qa-reader/1",', b"<!DOCTYPE html><html>"])
@FUZZ
@given(data=st.binary(max_size=1000))
def test_arbitrary_bytes_after_each_format_s_opening(prefix: bytes, data: bytes) -> None:
    load_or_explain(prefix + data, "data")


# --- structurally plausible documents -----------------------------------------------------

WORDS = st.text(st.characters(codec="utf-8"), max_size=30)
TAG_CASE = st.sampled_from([str.upper, str.lower, str.title, lambda tag: tag])


def element(name: str, content: str, case: object) -> str:
    tag = case(name)  # type: ignore[operator]
    return f"<{tag}>{content}</{tag}>"


@st.composite
def medquad_files(draw: st.DrawFn) -> bytes:
    pairs = []
    for _ in range(draw(st.integers(0, 4))):
        question = escape(draw(WORDS))
        answer = escape(draw(WORDS)) if draw(st.booleans()) else ""
        pairs.append(
            f"<QAPair pid='1'><Question qid='1' qtype='x'>{question}</Question>"
            f"<Answer>{answer}</Answer></QAPair>"
        )
    if draw(st.booleans()):
        pairs.append(draw(st.sampled_from(["<QAPair/>", "<QAPair><Answer/></QAPair>", "<x/>"])))
    focus = escape(draw(WORDS))
    url = quoteattr(draw(WORDS))
    text = (
        f"<Document id='1' source='S' url={url}><Focus>{focus}</Focus>"
        f"<QAPairs>{''.join(pairs)}</QAPairs></Document>"
    )
    declaration = draw(st.sampled_from(["", "<?xml version='1.0' encoding='UTF-8'?>\n"]))
    return (declaration + text).encode("utf-8")


@st.composite
def liveqa_files(draw: st.DrawFn) -> bytes:
    questions = []
    for _ in range(draw(st.integers(0, 4))):
        case = draw(TAG_CASE)
        subject = element("Subject", escape(draw(WORDS)), case)
        message = element("Message", escape(draw(WORDS)), case)
        answers = "".join(
            element("Answer", escape(draw(WORDS)), case) for _ in range(draw(st.integers(0, 3)))
        )
        if draw(st.booleans()):
            body = subject + message + element("Answers", answers, case)
        else:
            reference = draw(st.sampled_from(["RefAnswer", "ReferenceAnswer"]))
            body = element("Original-Question", subject + message, case) + element(
                "ReferenceAnswers", element(reference, answers, case), case
            )
        questions.append(f"<NLM-QUESTION qid='q' qfile='f'>{body}</NLM-QUESTION>")
    root = draw(st.sampled_from(["NLM-QUESTIONS", "LiveQA_Medical_Test"]))
    return f"<{root}>{''.join(questions)}</{root}>".encode()


HTML_TAGS = st.sampled_from(
    ["p", "div", "li", "ul", "ol", "h1", "h2", "br", "script", "style", "nav", "form", "b",
     "pre", "table", "td", "tr", "title", "head", "body", "span", "hr"]
)  # fmt: skip
HTML_PIECES = st.one_of(
    HTML_TAGS.map(lambda tag: f"<{tag}>"),
    HTML_TAGS.map(lambda tag: f"</{tag}>"),
    WORDS,
    st.sampled_from(["Doctors Answers (2)", "-- Dr. Ana Lima", "Disclaimer: x", "&amp;", "&#0;",
                     "<li hidden>", "<div role=navigation>", "<!-- c", "<![CDATA[",
                     "<meta charset=x>"]),
)  # fmt: skip


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    return "".join(draw(st.lists(HTML_PIECES, max_size=40))).encode("utf-8")


TEXT_LINES = st.one_of(
    WORDS,
    st.sampled_from(["", "", "Doctors Answers (3)", "Answers", "2 Answers", "Question:", "Q: x?",
                     "Answer: yes", "A:", "-- Dr. Ana Lima", "— Jane Roe, MD", "Disclaimer:",
                     "Font Size: Increase | Decrease", "Home > Questions", "• item", "- item"]),
)  # fmt: skip


@st.composite
def text_pages(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(TEXT_LINES, max_size=30))
    return "\n".join(lines).encode(draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])))


TEXT = st.text(max_size=30)
DOCUMENTS = st.builds(
    Document,
    title=TEXT,
    questions=st.lists(
        st.builds(
            Question,
            title=TEXT,
            details=TEXT,
            answers=st.lists(
                st.builds(Answer, text=TEXT, author=st.one_of(st.none(), TEXT)), max_size=3
            ).map(tuple),
            declared_answer_count=st.one_of(st.none(), st.integers(0, 10**9)),
        ),
        max_size=3,
    ).map(tuple),
    disclaimer=st.one_of(st.none(), TEXT),
    source=st.builds(
        DocumentSource,
        path=st.one_of(st.none(), st.text(min_size=1, max_size=30)),
        format=st.sampled_from(sorted(NAMES)),
        url=st.one_of(st.none(), TEXT),
    ),
)


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    """A valid export, perhaps with one field removed, retyped or added."""
    data = json.loads(document_to_json(draw(DOCUMENTS)))
    targets = [data, data["source"], *data["questions"]]
    targets += [answer for question in data["questions"] for answer in question["answers"]]
    target = draw(st.sampled_from(targets))
    key = draw(st.sampled_from([*target, "extra"]))
    mutation = draw(st.sampled_from(["keep", "drop", "null", "number", "text", "list", "bool"]))
    replacement: dict[str, object] = {
        "null": None, "number": -1, "text": "", "list": [], "bool": True
    }  # fmt: skip
    if mutation == "drop":
        target.pop(key, None)
    elif mutation != "keep":
        target[key] = replacement[mutation]
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode()


@pytest.mark.parametrize(
    ("strategy", "name"),
    [
        (text_pages(), "page.txt"),
        (json_files(), "page.json"),
        (medquad_files(), "page.xml"),
        (liveqa_files(), "page.xml"),
        (html_pages(), "page.html"),
        (html_pages(), "clipboard.html"),
    ],
    ids=["text", "json", "medquad", "liveqa", "html", "clipboard-html"],
)
@FUZZ
@given(data=st.data())
def test_plausible_documents(
    strategy: st.SearchStrategy[bytes], name: str, data: st.DataObject
) -> None:
    load_or_explain(data.draw(strategy), name)


@FUZZ
@given(medquad_files())
def test_plausible_medquad_files_are_always_read_as_medquad(data: bytes) -> None:
    document = load_or_explain(data, "page.xml")
    if document is not None:
        assert document.source.format == "medquad"


# --- JSON round trip ----------------------------------------------------------------------


@FUZZ
@given(DOCUMENTS)
def test_json_to_import_to_json_is_byte_identical(document: Document) -> None:
    exported = document_to_json(document)
    imported = load_bytes(exported.encode("utf-8"), "doc.json")
    assert document_to_json(imported) == exported
