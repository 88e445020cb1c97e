"""Reading untrusted XML safely, and small helpers for tolerant element lookup.

All XML goes through ``defusedxml.ElementTree``: it refuses entity declarations
(so a "billion laughs" file cannot expand to gigabytes and an external entity
cannot read a local file or fetch anything) and never loads a DTD. Bytes go to the
parser as they are, so the encoding declared in ``<?xml … encoding="…"?>`` (or a
byte-order mark) is honoured; a file that declares no encoding and is not UTF-8 is
read again as decoded text (cp1252 fallback, as for plain-text pages).

Collections spell their tags differently from file to file (``qfile``/``qFile``,
``RefAnswer``/``ReferenceAnswer``), so lookups here compare local names (namespace
dropped) without regard to case. Text is gathered without recursion, so a deeply
nested file cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from .decoding import DecodeError, decode_text
from .errors import FormatError

__all__ = ["children", "first_child", "local_name", "parse_xml", "text_of"]

REASON_ENTITIES = (
    "it declares XML entities, which are refused for safety "
    "(they can expand to huge amounts of text or read other files)"
)
REASON_DTD = "it refers to a document type definition, which is refused for safety"
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding\s*=", re.IGNORECASE)


def _parse(data: bytes | str) -> Element:
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as error:
        raise FormatError(REASON_ENTITIES) from error
    except DTDForbidden as error:
        raise FormatError(REASON_DTD) from error
    except DefusedXmlException as error:
        raise FormatError(REASON_ENTITIES) from error
    except ParseError as error:
        line = error.position[0] if error.position else None
        detail = str(error).split(":", 1)[0]
        raise FormatError(f"the XML is not well-formed ({detail})", line) from error
    except (ValueError, LookupError) as error:  # an encoding expat or Python does not know
        raise FormatError(f"the XML cannot be read ({error})") from error
    except RecursionError as error:
        raise FormatError("the XML is nested too deeply") from error


def parse_xml(data: bytes) -> Element:
    """The root element; :class:`FormatError` for anything unsafe or not well-formed."""
    try:
        return _parse(data)
    except FormatError as error:
        if error.line is None or _DECLARED_ENCODING.match(data.lstrip()[:200]):
            raise
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise
        # No declared encoding and not UTF-8: a legacy (cp1252) file, read as text.
        try:
            text = decode_text(data)
        except DecodeError as decode_error:
            raise FormatError(decode_error.reason) from decode_error
        return _parse(text)


def local_name(element: Element) -> str:
    """The tag without namespace, case-folded: ``{ns}RefAnswer`` → ``refanswer``."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].casefold()


def children(element: Element, *names: str) -> Iterator[Element]:
    """Direct children whose local name is one of ``names`` (given in lower case)."""
    return (child for child in element if local_name(child) in names)


def first_child(element: Element, *names: str) -> Element | None:
    return next(children(element, *names), None)


def text_of(element: Element | None) -> str:
    """All text inside ``element`` in document order, child elements' tails included."""
    if element is None:
        return ""
    parts: list[str] = []
    stack: list[tuple[Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not element and node.tail:
                parts.append(node.tail)
            continue
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)
