"""JSON export (schema qa-reader/1), checked against docs/qa-reader-1.schema.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_reader.document import Answer, Document, DocumentSource, Question
from qa_reader.export.json_export import SCHEMA_ID, document_to_dict, document_to_json
from qa_reader.importers import load, load_bytes
from qa_reader.importers.page_text import NothingToShowError, parse_page_text

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SCHEMA = json.loads((REPO_ROOT / "docs" / "qa-reader-1.schema.json").read_text(encoding="utf-8"))

FULL = Document(
    title="Is 38.2 °C a fever?",
    questions=(
        Question(
            title="Is 38.2 °C a fever?",
            details="Measured under the arm.\nTwice.\n\nI feel cold.",
            answers=(
                Answer("Yes, a mild one.\n\nRest and drink.", "Dr. Ana Lima"),
                Answer("Measure again in the mouth."),
            ),
            declared_answer_count=3,
        ),
    ),
    disclaimer="General information only.",
    source=DocumentSource(path="/home/sam/fever.txt", format="text"),
)


# --- a small validator for the subset of JSON Schema the schema file uses ------------------


def schema_errors(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    """Problems with ``value`` against ``schema``; [] when it conforms."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(value, SCHEMA["$defs"][name], where)
    errors: list[str] = []
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "type" in schema:
        allowed = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        kinds = {
            "string": str,
            "integer": int,
            "array": list,
            "object": dict,
            "null": type(None),
        }
        if not any(
            isinstance(value, kinds[kind]) and not isinstance(value, bool) for kind in allowed
        ):
            return [f"{where}: {value!r} is not of type {allowed}"]
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        errors.append(f"{where}: too short")
    if isinstance(value, int) and value < schema.get("minimum", value):
        errors.append(f"{where}: below minimum")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        errors += [
            f"{where}: missing {key}" for key in schema.get("required", ()) if key not in value
        ]
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: unexpected {key}" for key in value if key not in properties]
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], f"{where}[{index}]")
    return errors


def test_the_validator_notices_problems() -> None:
    good = document_to_dict(FULL)
    assert schema_errors(good, SCHEMA) == []
    bad = json.loads(json.dumps(good))
    bad["schema"] = "qa-reader/2"
    bad["extra"] = 1
    bad["disclaimer"] = ""
    bad["questions"][0]["declared_answer_count"] = -1
    del bad["questions"][0]["answers"][0]["author"]
    bad["source"]["format"] = None
    assert len(schema_errors(bad, SCHEMA)) == 6


def test_the_schema_file_is_draft_2020_12_and_lists_every_exported_key() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    exported = document_to_dict(FULL)
    assert SCHEMA["required"] == list(exported)
    # "url" is always written but optional when read (files from before it existed).
    assert list(SCHEMA["$defs"]["source"]["properties"]) == list(exported["source"])
    assert SCHEMA["$defs"]["source"]["required"] == ["path", "format"]
    assert SCHEMA["$defs"]["question"]["required"] == list(exported["questions"][0])
    assert SCHEMA["$defs"]["answer"]["required"] == list(exported["questions"][0]["answers"][0])


def test_the_documented_example_conforms() -> None:
    markdown = (REPO_ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", markdown, flags=re.DOTALL)
    assert len(blocks) == 1
    assert schema_errors(json.loads(blocks[0]), SCHEMA) == []


# --- the structure -------------------------------------------------------------------


def test_full_document() -> None:
    assert document_to_dict(FULL) == {
        "schema": "qa-reader/1",
        "title": "Is 38.2 °C a fever?",
        "disclaimer": "General information only.",
        "source": {"path": "/home/sam/fever.txt", "format": "text", "url": None},
        "questions": [
            {
                "title": "Is 38.2 °C a fever?",
                "details": "Measured under the arm.\nTwice.\n\nI feel cold.",
                "declared_answer_count": 3,
                "answers": [
                    {"text": "Yes, a mild one.\n\nRest and drink.", "author": "Dr. Ana Lima"},
                    {"text": "Measure again in the mouth.", "author": None},
                ],
            }
        ],
    }
    assert SCHEMA_ID == "qa-reader/1"


def test_keys_come_in_the_documented_order() -> None:
    exported = document_to_dict(FULL)
    assert list(exported) == ["schema", "title", "disclaimer", "source", "questions"]
    assert list(exported["source"]) == ["path", "format", "url"]
    question = exported["questions"][0]
    assert list(question) == ["title", "details", "declared_answer_count", "answers"]
    assert list(question["answers"][0]) == ["text", "author"]


def test_absent_values_are_null() -> None:
    bare = Document(
        title="Question?",
        questions=(Question(title="Question?", answers=(Answer("A.", author=""),)),),
        source=DocumentSource(path=None),
    )
    exported = document_to_dict(bare)
    assert exported["disclaimer"] is None
    assert exported["source"] == {"path": None, "format": "text", "url": None}
    question = exported["questions"][0]
    assert question["details"] is None
    assert question["declared_answer_count"] is None
    assert question["answers"] == [{"text": "A.", "author": None}]
    assert document_to_dict(Document(title="T", disclaimer=""))["disclaimer"] is None


def test_no_questions_and_no_answers() -> None:
    assert document_to_dict(Document(title="Empty"))["questions"] == []
    exported = document_to_dict(Document(title="Q", questions=(Question("Q"),)))
    assert exported["questions"][0]["answers"] == []


def test_a_zero_count_is_kept() -> None:
    document = Document("Q", (Question("Q", declared_answer_count=0),))
    assert document_to_dict(document)["questions"][0]["declared_answer_count"] == 0


# --- the text ------------------------------------------------------------------------


def test_json_text_is_indented_readable_and_ends_with_one_newline() -> None:
    text = document_to_json(FULL)
    assert text.startswith('{\n  "schema": "qa-reader/1",\n  "title": "Is 38.2 °C a fever?",\n')
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "°C" in text and "\\u00b0" not in text
    assert json.loads(text) == document_to_dict(FULL)


def test_file_names_that_are_not_valid_text_stay_valid_utf8() -> None:
    path = "/home/sam/caf\udce9.txt"  # how Python keeps an undecodable byte of a name
    document = Document("T", source=DocumentSource(path=path))
    text = document_to_json(document)
    text.encode("utf-8")
    assert "\\udce9" in text
    assert json.loads(text)["source"]["path"] == path


def test_golden_export_of_the_crlf_fixture() -> None:
    document = load_bytes((DATA / "winter-eczema-crlf.txt").read_bytes(), "winter-eczema-crlf.txt")
    expected = (DATA / "winter-eczema-crlf.json").read_text(encoding="utf-8")
    assert document_to_json(document) == expected


@pytest.mark.parametrize(
    "name", ["fasting-coffee.txt", "winter-eczema-crlf.txt", "single-answer.txt", "no-heading.txt"]
)
def test_exports_of_the_fixtures_conform_to_the_schema(name: str) -> None:
    exported = json.loads(document_to_json(load(DATA / name)))
    assert schema_errors(exported, SCHEMA) == []
    assert exported["source"]["path"] == str(DATA / name)


# --- properties ----------------------------------------------------------------------

TEXT = st.text(max_size=40)
ANSWERS = st.builds(Answer, text=TEXT, author=st.one_of(st.none(), TEXT))
QUESTIONS = st.builds(
    Question,
    title=TEXT,
    details=TEXT,
    answers=st.lists(ANSWERS, max_size=4).map(tuple),
    declared_answer_count=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
)
DOCUMENTS = st.builds(
    Document,
    title=TEXT,
    questions=st.lists(QUESTIONS, max_size=3).map(tuple),
    disclaimer=st.one_of(st.none(), TEXT),
    source=st.builds(
        DocumentSource,
        path=st.one_of(st.none(), st.text(min_size=1, max_size=40)),
        format=st.just("text"),
        url=st.one_of(st.none(), st.text(min_size=1, max_size=40)),
    ),
)


def document_from_dict(data: dict[str, Any]) -> Document:
    """The reverse of the export, for the round-trip property."""
    return Document(
        title=data["title"],
        questions=tuple(
            Question(
                title=question["title"],
                details=question["details"] or "",
                answers=tuple(
                    Answer(answer["text"], answer["author"]) for answer in question["answers"]
                ),
                declared_answer_count=question["declared_answer_count"],
            )
            for question in data["questions"]
        ),
        disclaimer=data["disclaimer"],
        source=DocumentSource(**data["source"]),
    )


def normalised(document: Document) -> Document:
    """The document with empty optional texts as None, as the export writes them."""
    return Document(
        title=document.title,
        questions=tuple(
            Question(
                q.title,
                q.details,
                tuple(Answer(a.text, a.author or None) for a in q.answers),
                q.declared_answer_count,
            )
            for q in document.questions
        ),
        disclaimer=document.disclaimer or None,
        source=document.source,
    )


@given(DOCUMENTS)
def test_any_document_round_trips_through_json(document: Document) -> None:
    text = document_to_json(document)
    text.encode("utf-8")
    data = json.loads(text)
    assert data == document_to_dict(document)
    assert document_from_dict(data) == normalised(document)


@given(DOCUMENTS)
def test_any_document_conforms_to_the_schema(document: Document) -> None:
    assert schema_errors(json.loads(document_to_json(document)), SCHEMA) == []


@given(st.text())
def test_any_parsed_page_exports_and_conforms(text: str) -> None:
    try:
        document = parse_page_text(text, DocumentSource(path=None, format="text"))
    except NothingToShowError:
        return
    data = json.loads(document_to_json(document))
    assert schema_errors(data, SCHEMA) == []
    assert document_from_dict(data) == normalised(document)
