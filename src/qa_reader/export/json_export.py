"""The document as JSON, schema "qa-reader/1" (described in docs/json-schema.md).

Every key is always present, in a fixed order, so the output is easy to diff and to
read by other tools. Text that is absent is ``null``; an empty string counts as
absent for the optional texts (details, disclaimer, author), so readers only need to
test for one thing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..document import Answer, Document, Question

__all__ = ["SCHEMA_ID", "document_to_dict", "document_to_json"]

SCHEMA_ID = "qa-reader/1"

# Lone surrogates stand in for undecodable bytes in file names. UTF-8 cannot hold them,
# so they are written as JSON escapes, which read back to the same string.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _optional(text: str | None) -> str | None:
    return text or None


def _answer_to_dict(answer: Answer) -> dict[str, Any]:
    return {"text": answer.text, "author": _optional(answer.author)}


def _question_to_dict(question: Question) -> dict[str, Any]:
    return {
        "title": question.title,
        "details": _optional(question.details),
        "declared_answer_count": question.declared_answer_count,
        "answers": [_answer_to_dict(answer) for answer in question.answers],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain dicts and lists, ready for ``json.dumps``."""
    return {
        "schema": SCHEMA_ID,
        "title": doc.title,
        "disclaimer": _optional(doc.disclaimer),
        "source": {
            "path": doc.source.path,
            "format": doc.source.format,
            "url": _optional(doc.source.url),
        },
        "questions": [_question_to_dict(question) for question in doc.questions],
    }


def document_to_json(doc: Document) -> str:
    """The document as indented UTF-8-safe JSON text, ending with a newline."""
    text = json.dumps(document_to_dict(doc), indent=2, ensure_ascii=False)
    text = _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text + "\n"
