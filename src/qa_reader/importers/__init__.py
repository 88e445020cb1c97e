"""Opening Q&A pages: reading a file safely, decoding it and picking the right parser.

``load(path)`` is what the window and the command line call. It checks the file
before reading it (it exists, is an ordinary file, is not too large), decodes the
bytes (see :mod:`.decoding`), decides the page format and hands the text to that
format's parser. Every problem a user can cause ends as a :class:`DocumentLoadError`
whose ``user_message`` names the file and says what is wrong in plain words.

Formats live in ``_FORMATS``. Each is a name (stored in ``DocumentSource.format``),
the file-name endings it usually has, an optional content check and a parser taking
the decoded text. The format is chosen by content first (the first format whose
check accepts the text), then by file-name ending, and otherwise it is plain text,
which accepts anything. A new format (JSON, HTML, MedQuAD or TREC LiveQA XML) is a
new module with a parser and a content check plus one entry here. Parsers must keep
heavy imports inside their functions so that opening this package stays cheap and
never pulls in Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass

from ..document import Document, DocumentSource
from .decoding import DecodeError, decode_text
from .page_text import NothingToShowError, parse_page_text

__all__ = ["MAX_FILE_BYTES", "DocumentLoadError", "load", "load_bytes"]

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
    ``reason`` is a plain-words clause such as "the file is empty".
    """

    def __init__(self, path_or_name: str, reason: str) -> None:
        super().__init__(path_or_name, reason)
        self.path_or_name = path_or_name
        self.reason = reason

    @property
    def user_message(self) -> str:
        """One line for a person: “notes.txt” could not be opened: the file is empty."""
        return f"“{_display_name(self.path_or_name)}” could not be opened: {self.reason}."

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
    """One kind of page the reader understands."""

    name: str
    extensions: frozenset[str]
    parse: Callable[[str, DocumentSource], Document]
    looks_like: Callable[[str], bool] | None = None
    """Content check on the decoded text; None for a format recognised by name only."""


PLAIN_TEXT = PageFormat("text", frozenset({".txt", ".text"}), parse_page_text)

# Most specific first; plain text last, as it is also the fallback.
_FORMATS: tuple[PageFormat, ...] = (PLAIN_TEXT,)


def detect_format(text: str, name: str) -> PageFormat:
    """The format of a page: by content, then by file-name ending, else plain text."""
    for page_format in _FORMATS:
        if page_format.looks_like is not None and page_format.looks_like(text):
            return page_format
    extension = os.path.splitext(name)[1].casefold()
    for page_format in _FORMATS:
        if extension in page_format.extensions:
            return page_format
    return PLAIN_TEXT


def load_bytes(data: bytes, name: str, path: str | None = None) -> Document:
    """Reads a page from bytes; ``name`` is used in messages and to guess the format.

    ``path`` goes into ``Document.source`` unchanged (None for pasted or dropped data).
    """
    if len(data) > MAX_FILE_BYTES:
        raise DocumentLoadError(name, REASON_TOO_LARGE)
    try:
        text = decode_text(data)
        page_format = detect_format(text, name)
        return page_format.parse(text, DocumentSource(path=path, format=page_format.name))
    except (DecodeError, NothingToShowError) as error:
        raise DocumentLoadError(name, error.reason) from error


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
