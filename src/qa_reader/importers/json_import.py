"""Q&A Reader's own JSON (schema ``qa-reader/1``, see docs/json-schema.md) read back.

Export and import are each other's inverse: a document exported, opened and exported
again gives the same bytes. So nothing is cleaned or guessed here: the file is
checked field by field against the rules of the schema (the same rules as
docs/qa-reader-1.schema.json: every key present, no unknown key, the right type,
``null`` instead of empty optional text) and taken as it is, including the
``source`` it records (where the page originally came from). A field that breaks a
rule is named in the message, as a path such as ``questions[0].answers[1].author``.

JSON is read with the standard library's ``json`` module. The text is decoded
without line-end changes: inside a JSON string every character counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from ..document import Answer, Document, DocumentSource, Question
from .decoding import DecodeError, decode_text
from .errors import FormatError

__all__ = ["SCHEMA_ID", "document_from_json_value", "parse_json"]

SCHEMA_ID = "qa-reader/1"

_DOCUMENT_KEYS = ("schema", "title", "disclaimer", "source", "questions")
_SOURCE_KEYS = ("path", "format", "url")
_QUESTION_KEYS = ("title", "details", "declared_answer_count", "answers")
_ANSWER_KEYS = ("text", "author")


T = TypeVar("T")


def _object(
    value: object, where: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"“{where}” must be an object with the fields {', '.join(keys)}")
    for key in keys:
        if key not in value and key not in optional:
            raise FormatError(f"the field “{_join(where, key)}” is missing")
    for key in value:
        if key not in keys:
            raise FormatError(f"the field “{_join(where, key)}” is not part of {SCHEMA_ID}")
    return value


def _join(where: str, key: str) -> str:
    return key if where == "document" else f"{where}.{key}"


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise FormatError(f"the field “{where}” must be text")
    return value


def _optional_text(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise FormatError(f"the field “{where}” must be text that is not empty, or null")
    return value


def _count(value: object, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FormatError(f"the field “{where}” must be a whole number from 0 up, or null")
    return value


def _items(value: object, where: str, read: Callable[[object, str], T]) -> tuple[T, ...]:
    if not isinstance(value, list):
        raise FormatError(f"the field “{where}” must be a list")
    return tuple(read(item, f"{where}[{index}]") for index, item in enumerate(value))


def _answer(value: object, where: str) -> Answer:
    data = _object(value, where, _ANSWER_KEYS)
    return Answer(
        text=_text(data["text"], f"{where}.text"),
        author=_optional_text(data["author"], f"{where}.author"),
    )


def _question(value: object, where: str) -> Question:
    data = _object(value, where, _QUESTION_KEYS)
    return Question(
        title=_text(data["title"], f"{where}.title"),
        details=_optional_text(data["details"], f"{where}.details") or "",
        answers=_items(data["answers"], f"{where}.answers", _answer),
        declared_answer_count=_count(
            data["declared_answer_count"], f"{where}.declared_answer_count"
        ),
    )


def _source(value: object) -> DocumentSource:
    # "url" came after the first files were written; such files have no url and stay valid.
    data = _object(value, "source", _SOURCE_KEYS, optional=("url",))
    path = _optional_text(data["path"], "source.path")
    source_format = _optional_text(data["format"], "source.format")
    if source_format is None:
        raise FormatError("the field “source.format” must be text that is not empty")
    return DocumentSource(
        path=path, format=source_format, url=_optional_text(data.get("url"), "source.url")
    )


def document_from_json_value(value: object) -> Document:
    """A document from parsed JSON; :class:`FormatError` names the first wrong field."""
    if isinstance(value, dict) and "schema" in value and value["schema"] != SCHEMA_ID:
        shown = value["schema"] if isinstance(value["schema"], str) else "not text"
        raise FormatError(
            f"the field “schema” says “{str(shown)[:40]}”; this version reads “{SCHEMA_ID}”"
        )
    data = _object(value, "document", _DOCUMENT_KEYS)
    return Document(
        title=_text(data["title"], "title"),
        questions=_items(data["questions"], "questions", _question),
        disclaimer=_optional_text(data["disclaimer"], "disclaimer"),
        source=_source(data["source"]),
    )


def _no_constants(name: str) -> float:
    """``json`` would read NaN and Infinity, which are not JSON."""
    raise ValueError(f"{name} is not allowed in JSON")


def parse_json(data: bytes, source: DocumentSource) -> Document:
    """Reads a ``qa-reader/1`` file. ``source`` is unused: the file records its own."""
    del source  # the file's own "source" field is what round-trips
    try:
        text = decode_text(data, normalise_lines=False)
    except DecodeError as error:
        raise FormatError(error.reason) from error
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise FormatError(f"it is not valid JSON ({error.msg.lower()})", error.lineno) from error
    except ValueError as error:  # NaN / Infinity
        raise FormatError(f"it is not valid JSON ({error})") from error
    except RecursionError as error:
        raise FormatError("it is not valid JSON (it is nested too deeply)") from error
    return document_from_json_value(value)
