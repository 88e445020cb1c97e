"""Recognising a format from the first bytes of the data, cheaply.

Only the standard library's ``re`` and the byte-order marks of :mod:`.decoding` are used
here, so that checking a file's kind never imports an XML or HTML parser. The checks
look at the start of the data (:data:`HEAD_BYTES`) decoded leniently and at the name of
its first element, found by skipping the XML/HTML prolog (declaration, comments, doctype).
"""

from __future__ import annotations

import re

from .decoding import BYTE_ORDER_MARKS

__all__ = [
    "HEAD_BYTES",
    "HTML_TAGS",
    "first_element_name",
    "head_text",
    "looks_like_html",
    "looks_like_json",
    "looks_like_liveqa",
    "looks_like_medquad",
]

HEAD_BYTES = 4096
_JSON_OBJECT_START = re.compile(r'\{\s*"')
MEDQUAD_ROOT = "document"
LIVEQA_QUESTION = "nlm-question"

HTML_TAGS = frozenset(
    {
        "html", "head", "body", "meta", "title", "link", "style", "script", "div", "p",
        "span", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "section",
        "article", "main", "header", "footer", "nav", "a", "b", "i", "em", "strong", "br",
        "!doctype", "base", "form", "img", "blockquote", "pre", "dl", "font", "center",
    }
)  # fmt: skip
"""Tags a saved page or a clipboard fragment may start with."""


def head_text(data: bytes) -> str:
    """The start of the data as text, for content checks (never fails)."""
    head = data[:HEAD_BYTES]
    for bom, encoding in BYTE_ORDER_MARKS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "replace").lstrip()
    return head.decode("utf-8", "replace").lstrip()


def _skip_to(head: str, position: int, end: str) -> int:
    found = head.find(end, position)
    return len(head) if found < 0 else found + len(end)


def first_element_name(head: str) -> str | None:
    """The name of the first element of XML or HTML text, skipping the prolog.

    Declarations, processing instructions, comments and a doctype (with an internal
    subset) are skipped; None when the text does not start with markup.
    """
    position = 0
    while position < len(head):
        while position < len(head) and head[position].isspace():
            position += 1
        if not head.startswith("<", position):
            return None
        if head.startswith("<?", position):
            position = _skip_to(head, position, "?>")
        elif head.startswith("<!--", position):
            position = _skip_to(head, position, "-->")
        elif head.startswith("<!", position):
            bracket, close = head.find("[", position), head.find(">", position)
            if 0 <= bracket < close:
                position = _skip_to(head, bracket, "]")
            position = _skip_to(head, position, ">")
        else:
            end = position + 1
            while end < len(head) and (head[end].isalnum() or head[end] in "-_.:"):
                end += 1
            return head[position + 1 : end] or None
    return None



def looks_like_json(head: str) -> bool:
    """True when the text starts like a JSON object (``{"``)."""
    return _JSON_OBJECT_START.match(head) is not None


def looks_like_medquad(root_name: str | None) -> bool:
    """True for XML whose top element is ``<Document>``."""
    return root_name is not None and root_name.casefold() == MEDQUAD_ROOT


def looks_like_liveqa(root_name: str | None, head: str) -> bool:
    """True for XML whose top element is or holds ``<NLM-QUESTION>`` near the start."""
    if root_name is None:
        return False
    folded = root_name.casefold()
    return folded.startswith(LIVEQA_QUESTION) or "<" + LIVEQA_QUESTION in head.casefold()


def looks_like_html(root_name: str | None, head: str) -> bool:
    """True for text that opens with an HTML doctype or a common HTML tag."""
    if head[:15].casefold().startswith("<!doctype html"):
        return True
    return root_name is not None and root_name.casefold() in HTML_TAGS
