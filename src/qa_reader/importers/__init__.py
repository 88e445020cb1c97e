"""Opening Q&A documents: reading a file safely, recognising its format, parsing it.

``load(path)`` is what the window and the command line call; ``load_bytes(data,
name)`` reads pasted or dropped data (``name`` such as "clipboard.html" only helps
to recognise the format and names the data in messages). The file is checked
before it is read (it exists, is an ordinary file, is not too large); then the
format is recognised, by content first and by file-name ending second, and that
format's parser turns the bytes into a :class:`~qa_reader.document.Document`.

Every problem a user can cause ends as a :class:`DocumentLoadError` whose
``user_message`` names the file, the format when known, what is wrong and the line
when known. Any other exception from a parser is a bug.

Formats (one module each; ``_FORMATS`` lists them, most specific first):

=========  ==============================  =====================================
name       module                          recognised by
=========  ==============================  =====================================
json       :mod:`.json_import`             text starting ``{"``; ``.json``
medquad    :mod:`.medquad`                 top XML element ``<Document>``
liveqa     :mod:`.liveqa`                  ``<NLM-QUESTION>`` elements
html       :mod:`.html_page`               a doctype or a common HTML tag first
text       :mod:`.page_text`               anything else (the fallback)
=========  ==============================  =====================================

``supported_formats()`` gives each format's user-facing name and file-name endings
for file dialogs. Parsers keep heavy imports to themselves; nothing here pulls in Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from ..document import Document, DocumentSource
from .decoding import REASON_EMPTY, DecodeError, decode_text
from .errors import FormatError
from .page_text import NothingToShowError, parse_page_text
from .sniff import (
    first_element_name,
    head_text,
    looks_like_html,
    looks_like_json,
    looks_like_liveqa,
    looks_like_medquad,
)

__all__ = [
    "MAX_FILE_BYTES",
    "DocumentLoadError",
    "FormatInfo",
    "load",
    "load_bytes",
    "supported_formats",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused unread: no real Q&A page comes near this size."""

REASON_TOO_LARGE = "the file is larger than 20 MB"
REASON_MISSING = "the file does not exist"
REASON_PERMISSION = "the file cannot be read (permission denied)"
REASON_FOLDER = "it is a folder, not a file"
REASON_NOT_A_FILE = "it is not an ordinary file"
REASON_BAD_NAME = "the file name is not valid"
REASON_NAME_TOO_LONG = "the file name is too long"


class DocumentLoadError(Exception):
    """A page could not be opened.

    ``path_or_name`` is the path (or, for in-memory data, the name) as given;
    ``reason`` is a plain-words clause such as "the file is empty"; ``format_label``
    the user-facing name of the format that was tried, if one was; ``line`` the
    line of the file where the problem is, when known.
    """

    def __init__(
        self,
        path_or_name: str,
        reason: str,
        format_label: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(path_or_name, reason)
        self.path_or_name = path_or_name
        self.reason = reason
        self.format_label = format_label
        self.line = line

    @property
    def user_message(self) -> str:
        """One line for a person, e.g. “notes.txt” could not be opened: the file is empty.

        With a format and a line: “a.xml” could not be opened as MedQuAD XML: the XML
        is not well-formed (mismatched tag) (line 3).
        """
        name = _display_name(self.path_or_name)
        as_format = f" as {self.format_label}" if self.format_label else ""
        where = f" (line {self.line})" if self.line is not None else ""
        return f"“{name}” could not be opened{as_format}: {self.reason}{where}."

    def __str__(self) -> str:
        return self.user_message


def _display_name(path_or_name: str) -> str:
    """The last part of a path, with characters that cannot be shown replaced.

    File names may hold line breaks or bytes that are not valid text (kept as lone
    surrogates by Python); either would break a one-line message or its printing.
    """
    name = os.path.basename(path_or_name.rstrip("/\\")) or path_or_name
    return "".join(char if char.isprintable() else "\ufffd" for char in name)


@dataclass(frozen=True)
class PageFormat:
    """One kind of document the reader understands."""

    name: str
    """Stored in ``DocumentSource.format`` and the JSON export."""
    label: str
    """What the user calls it, in file dialogs and messages (English; the UI translates)."""
    extensions: tuple[str, ...]
    """File-name endings, lower case, without the dot."""
    parse: Callable[[bytes, DocumentSource], Document]
    looks_like: Callable[[str, str | None], bool] | None = None
    """Content check on the start of the data and its first XML/HTML element name."""


class FormatInfo(NamedTuple):
    """A format as a file dialog shows it: its name and its file-name endings."""

    label: str
    extensions: tuple[str, ...]


def _parse_text_page(data: bytes, source: DocumentSource) -> Document:
    try:
        text = decode_text(data)
    except DecodeError as error:
        raise FormatError(error.reason) from error
    try:
        return parse_page_text(text, source)
    except NothingToShowError as error:
        raise FormatError(error.reason) from error


def _parse_json(data: bytes, source: DocumentSource) -> Document:
    from .json_import import parse_json  # the json module only when JSON is opened

    return parse_json(data, source)


def _parse_html(data: bytes, source: DocumentSource) -> Document:
    from .html_page import parse_html  # html.parser only when a web page is opened

    return parse_html(data, source)


def _parse_medquad(data: bytes, source: DocumentSource) -> Document:
    from .medquad import parse_medquad  # the XML parser only when XML is opened

    return parse_medquad(data, source)


def _parse_liveqa(data: bytes, source: DocumentSource) -> Document:
    from .liveqa import parse_liveqa

    return parse_liveqa(data, source)


PLAIN_TEXT = PageFormat("text", "Plain-text page", ("txt", "text"), _parse_text_page)
HTML = PageFormat(
    "html",
    "Web page (HTML)",
    ("html", "htm", "xhtml"),
    _parse_html,
    lambda head, root: looks_like_html(root, head),
)

# Most specific first; plain text last, as it is also the fallback.
_FORMATS: tuple[PageFormat, ...] = (
    PageFormat(
        "json",
        "Q&A Reader JSON",
        ("json", "qajson"),
        _parse_json,
        lambda head, _: looks_like_json(head),
    ),
    PageFormat(
        "medquad", "MedQuAD XML", ("xml",), _parse_medquad,
        lambda _, root: looks_like_medquad(root),
    ),
    PageFormat(
        "liveqa", "TREC LiveQA medical XML", ("xml",), _parse_liveqa,
        lambda head, root: looks_like_liveqa(root, head),
    ),
    HTML,
    PLAIN_TEXT,
)  # fmt: skip

REASON_UNKNOWN_XML = (
    "it is an XML file, but not one of the kinds Q&A Reader reads "
    "(MedQuAD or TREC LiveQA); its top element is <{root}>"
)
_XML_EXTENSIONS = frozenset({"xml"})


def supported_formats() -> tuple[FormatInfo, ...]:
    """Each format's user-facing name and file-name endings (no dot), for file dialogs.

    Names are plain English; the UI translates them. Endings may repeat between
    formats (both XML collections use "xml"): content decides which is meant.
    """
    return tuple(FormatInfo(page_format.label, page_format.extensions) for page_format in _FORMATS)


def detect_format(data: bytes, name: str) -> PageFormat:
    """The format of the data: by content, then by file-name ending, else plain text.

    Raises :class:`FormatError` for XML of an unknown kind.
    """
    head = head_text(data)
    root = first_element_name(head)
    for page_format in _FORMATS:
        if page_format.looks_like is not None and page_format.looks_like(head, root):
            return page_format
    extension = os.path.splitext(name)[1].casefold().lstrip(".")
    is_xml = head.startswith("<?xml") or (extension in _XML_EXTENSIONS and root is not None)
    if is_xml:
        raise FormatError(REASON_UNKNOWN_XML.format(root=(root or "?")[:40]))
    for page_format in _FORMATS:
        if extension in page_format.extensions and extension not in _XML_EXTENSIONS:
            return page_format
    return PLAIN_TEXT


def load_bytes(data: bytes, name: str, path: str | None = None) -> Document:
    """Reads a document from bytes; ``name`` is used in messages and to guess the format.

    ``path`` goes into ``Document.source`` unchanged (None for pasted or dropped data).
    Raises :class:`DocumentLoadError` and nothing else.
    """
    if len(data) > MAX_FILE_BYTES:
        raise DocumentLoadError(name, REASON_TOO_LARGE)
    if not data:
        raise DocumentLoadError(name, REASON_EMPTY)
    try:
        page_format = detect_format(data, name)
    except FormatError as error:
        raise DocumentLoadError(name, error.reason, line=error.line) from error
    try:
        return page_format.parse(data, DocumentSource(path=path, format=page_format.name))
    except FormatError as error:
        # A plain-text page is what everyone expects; naming its format adds nothing.
        label = None if page_format is PLAIN_TEXT else page_format.label
        raise DocumentLoadError(name, error.reason, label, error.line) from error


def load(path: str | os.PathLike[str]) -> Document:
    """Reads the page in the file at ``path``.

    Raises :class:`DocumentLoadError` for anything that stops the file from being
    shown: missing, a folder, unreadable, over :data:`MAX_FILE_BYTES`, empty, binary,
    or nothing but navigation.
    """
    given = os.fsdecode(path)
    data = _read_file(given)
    return load_bytes(data, given, path=os.path.abspath(given))


def _read_file(path: str) -> bytes:
    """The file's bytes, after checking with ``os.stat`` that it is safe to read.

    Only ordinary files are opened: a FIFO would block forever and a device could
    stream without end. The read itself is capped too, in case the file grew after
    the check.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise DocumentLoadError(path, REASON_FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentLoadError(path, REASON_NOT_A_FILE)
        if info.st_size > MAX_FILE_BYTES:
            raise DocumentLoadError(path, REASON_TOO_LARGE)
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DocumentLoadError(path, _os_error_reason(error)) from error
    except ValueError as error:  # a NUL character in the path
        raise DocumentLoadError(path, REASON_BAD_NAME) from error
    if len(data) > MAX_FILE_BYTES:
        raise DocumentLoadError(path, REASON_TOO_LARGE)
    return data


def _os_error_reason(error: OSError) -> str:
    if isinstance(error, (FileNotFoundError, NotADirectoryError)):
        return REASON_MISSING
    if isinstance(error, PermissionError):
        return REASON_PERMISSION
    if isinstance(error, IsADirectoryError):
        return REASON_FOLDER
    if error.errno == errno.ENAMETOOLONG:
        return REASON_NAME_TOO_LONG
    detail = (error.strerror or type(error).__name__).rstrip(".")
    return f"the file cannot be read ({detail[:1].lower()}{detail[1:]})"
