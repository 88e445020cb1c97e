"""A Q&A web page saved as HTML (or copied from a browser) turned into a Document.

The page's readable text is taken out of the markup and then read by the same
rules as a plain-text page (:mod:`.page_text`): title, details, answers heading,
answers, disclaimer. What a reader would not call content is dropped: scripts,
styles, navigation (``<nav>`` and ``role="navigation"``/``"search"``/``"menu"``),
forms and their controls, hidden elements, embedded frames and drawings. When the
page has an ``<h1>``, text before it (site name, banners) is dropped too, as the
question's title is the page's main heading. Paragraph-level elements end
paragraphs, ``<br>`` ends a line, and list items become a list paragraph (lines
starting with :data:`~qa_reader.document.LIST_ITEM_MARKER`), so lists in answers
stay lists.

Parser choice: the standard library's :class:`html.parser.HTMLParser`. It is
maintained with Python itself, pure Python (importers must stay free of Qt),
tolerant of the broken markup saved pages and clipboard fragments are full of,
decodes character references, treats ``<script>``/``<style>`` content as raw text,
and never fetches anything. A full tree builder (html5lib, lxml) would add a
dependency for a tree this module does not need: one pass over start tags, end
tags and text is enough to pick out readable text.

Encoding: a byte-order mark wins; otherwise a ``<meta charset>`` (or
``http-equiv="Content-Type"``) naming a legacy single-byte encoding is honoured;
everything else, including clipboard fragments without any declaration, is read
as UTF-8 with the plain-text fallback for stray legacy bytes (:mod:`.decoding`).
"""

from __future__ import annotations

import codecs
from html.parser import HTMLParser

from ..document import LIST_ITEM_MARKER, Document, DocumentSource
from .decoding import DecodeError, decode_text, normalise_line_ends
from .errors import FormatError
from .page_text import NothingToShowError, parse_page_text
from .textblocks import collapse_spaces

__all__ = ["parse_html", "readable_text"]


_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "form", "select", "button",
        "textarea", "iframe", "object", "embed", "svg", "math", "canvas", "dialog",
        "head", "audio", "video", "map",
    }
)  # fmt: skip
_SKIPPED_ROLES = frozenset({"navigation", "search", "menu", "menubar", "toolbar"})
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2",
        "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "pre", "dl", "dt", "dd",
        "figure", "figcaption", "address", "hr", "details", "summary", "fieldset", "body",
        "html", "center", "caption", "tbody", "thead", "tfoot",
    }
)  # fmt: skip
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_CELLS = frozenset({"td", "th"})
_PARAGRAPH = "\n\n"
_HEAD_BYTES = 4096
_UTF_NAMES = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"})


class _ReadableText(HTMLParser):
    """Collects readable text as paragraphs ("\\n\\n"), lines ("\\n") and list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title_pieces: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self._skip_depth = 0
        self._list_item_depth = 0
        self._pre_depth = 0
        self._in_title = False
        self.first_h1_piece: int | None = None

    # --- helpers -----------------------------------------------------------------------

    def _break(self, kind: str) -> None:
        if self._list_item_depth and kind == _PARAGRAPH:
            kind = " "  # a paragraph inside a list item stays in that item
        self.pieces.append(kind)

    @staticmethod
    def _skips(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _SKIPPED:
            return True
        values = {name: (value or "").strip().casefold() for name, value in attrs}
        return (
            "hidden" in values
            or values.get("aria-hidden") == "true"
            or values.get("role", "") in _SKIPPED_ROLES
        )

    # --- parser events -----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self._skip_depth:
            self._in_title = True
        if tag in _VOID:
            if not self._skip_depth and tag == "br":
                self.pieces.append("\n")
            elif not self._skip_depth and tag == "hr":
                self._break(_PARAGRAPH)
            return
        skipped = self._skips(tag, attrs) and tag != "head"
        if tag == "head":
            skipped = True
        self._open.append((tag, skipped))
        if skipped:
            self._skip_depth += 1
        if self._skip_depth:
            return
        self._opened(tag)

    def _opened(self, tag: str) -> None:
        if tag == "h1" and self.first_h1_piece is None:
            self.first_h1_piece = len(self.pieces)
        if tag == "li":
            self.pieces.append("\n" + LIST_ITEM_MARKER)
            self._list_item_depth += 1
        elif tag in _LISTS:
            self.pieces.append("\n" if self._list_item_depth else _PARAGRAPH)
        elif tag in _CELLS:
            self.pieces.append(" ")
        elif tag in _BLOCKS:
            self._break(_PARAGRAPH)
        if tag == "pre":
            self._pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID or not any(name == tag for name, _ in self._open):
            return  # a stray end tag closes nothing
        while self._open:
            name, skipped = self._open.pop()
            if skipped:
                self._skip_depth -= 1
            elif not self._skip_depth:
                self._closed(name)
            if name == tag:
                break

    def _closed(self, tag: str) -> None:
        if tag == "li":
            self._list_item_depth = max(0, self._list_item_depth - 1)
        elif tag in _LISTS:
            self.pieces.append("\n" if self._list_item_depth else _PARAGRAPH)
        elif tag in _BLOCKS:
            self._break(_PARAGRAPH)
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_pieces.append(data)
        if self._skip_depth:
            return
        if self._pre_depth:
            self.pieces.append(normalise_line_ends(data))
        else:
            # Spaces and line breaks in markup are only spaces: lines come from tags.
            # One space stays where the text began or ended with white space, so
            # "<b>dry</b> skin" keeps its word break.
            words = collapse_spaces(data)
            if not words:
                self.pieces.append(" ")
                return
            lead = " " if data[:1].isspace() else ""
            trail = " " if data[-1:].isspace() else ""
            self.pieces.append(lead + words + trail)


def _tidy(text: str) -> str:
    """Lines stripped, lone bullets dropped, at most one blank line between paragraphs."""
    lines: list[str] = []
    for raw in normalise_line_ends(text).split("\n"):
        line = raw.strip()
        if line == LIST_ITEM_MARKER.strip():
            continue
        if not line and lines and not lines[-1]:
            continue
        lines.append(line)
    return _separate_lists("\n".join(lines).strip())


def _separate_lists(text: str) -> str:
    """Puts a blank line between a list and text lines right next to it.

    A list paragraph is one whose every line is an item, so an item must not share a
    paragraph with ordinary lines (a list right after a ``<br>``, say).
    """
    out: list[str] = []
    previous_item: bool | None = None
    for line in text.split("\n"):
        item = line.startswith(LIST_ITEM_MARKER)
        if line and previous_item is not None and item != previous_item:
            out.append("")
        out.append(line)
        previous_item = item if line else None
    return "\n".join(out)


def readable_text(markup: str) -> tuple[str, str]:
    """(the page's readable text, its <title>) from HTML markup."""
    parser = _ReadableText()
    parser.feed(markup)
    parser.close()
    pieces = parser.pieces
    if parser.first_h1_piece is not None:
        after_h1 = "".join(pieces[parser.first_h1_piece :])
        if after_h1.strip():
            pieces = pieces[parser.first_h1_piece :]
    return _tidy("".join(pieces)), collapse_spaces("".join(parser.title_pieces))


class _MetaCharset(HTMLParser):
    """Finds the encoding a page declares in a <meta> tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta" or self.charset is not None:
            return
        values = {name: value or "" for name, value in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").casefold() == "content-type":
            _, _, declared = values.get("content", "").casefold().partition("charset=")
            self.charset = declared.strip(" \"';") or None


def _declared_legacy_codec(data: bytes) -> str | None:
    """The Python codec of a single-byte encoding the page declares, else None."""
    finder = _MetaCharset()
    finder.feed(data[:_HEAD_BYTES].decode("latin-1"))
    if not finder.charset:
        return None
    try:
        name = codecs.lookup(finder.charset).name
    except LookupError:
        return None
    if name in _UTF_NAMES or name.startswith(("utf", "ascii")):
        return None
    if name in {"latin-1", "iso8859-1"}:
        return "cp1252"  # what browsers do too: the C1 bytes are Windows characters
    return name


def decode_html(data: bytes) -> str:
    codec = _declared_legacy_codec(data)
    if codec is not None and not data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode(codec, "replace")
        except LookupError:
            text = None
        if text is not None and "\x00" not in text and text.strip():
            return normalise_line_ends(text)
    try:
        return decode_text(data)
    except DecodeError as error:
        raise FormatError(error.reason) from error


def parse_html(data: bytes, source: DocumentSource) -> Document:
    text, title = readable_text(decode_html(data))
    if not text and title:
        text = title
    if not text:
        raise FormatError("the page has no readable text (only markup, scripts or menus)")
    try:
        return parse_page_text(text, source)
    except NothingToShowError as error:  # e.g. text that is only a byte-order mark
        raise FormatError(error.reason) from error
