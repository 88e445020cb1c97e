"""Turning the bytes of a saved page into text.

Pages arrive from many places: browsers and editors that save UTF-8 (with or without
a byte-order mark), Windows tools that save UTF-16 with a mark, and old programs that
save in the Windows "ANSI" code page (cp1252). None of these files says which it is,
so the encoding is worked out from the bytes:

1. A byte-order mark wins: UTF-32, UTF-8 or UTF-16, little or big endian. (A
   legacy file that happens to start with "þÿ" or "ÿþ" has the bytes of a UTF-16
   mark and is read as UTF-16; real pages do not start that way.)
2. Otherwise NUL bytes mean the file is not text at all (real text in an 8-bit
   encoding or UTF-8 never contains them; images, archives, PDFs and office files do).
3. Otherwise the bytes are UTF-8 if they decode as UTF-8.
4. Otherwise they are cp1252. The five byte values cp1252 leaves undefined are read
   as Latin-1 so that decoding can never fail. When the bytes are mostly valid UTF-8
   with a few stray legacy bytes (text pasted together from two sources), the UTF-8
   characters are kept and only the stray bytes are read as cp1252, so one odd byte
   does not garble every accented letter in the file.

Line ends are then made uniform: CRLF, CR and the other line breaks Python's
``str.splitlines`` knows become LF, so every later step sees ``"\\n"`` only.

Problems are reported as :class:`DecodeError` subclasses carrying a ``reason`` in
plain words; the loader turns them into messages that name the file.
"""

from __future__ import annotations

import codecs
import re

__all__ = [
    "BinaryDataError",
    "DecodeError",
    "EmptyTextError",
    "decode_text",
    "normalise_line_ends",
]


class DecodeError(ValueError):
    """The bytes cannot be shown as text; ``reason`` says why, for a person to read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EmptyTextError(DecodeError):
    """There are no bytes, or nothing but spaces and blank lines."""


class BinaryDataError(DecodeError):
    """The bytes are not text (they contain NUL characters)."""


REASON_EMPTY = "the file is empty"
REASON_BLANK = "the file contains only blank lines or spaces"
REASON_BINARY = "the file contains binary data (it is not a text file)"

# Longest marks first: the UTF-32 LE mark starts with the UTF-16 LE one.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _build_cp1252_table() -> str:
    """cp1252 as a 256-character decoding table, undefined bytes read as Latin-1."""
    chars = []
    for value in range(256):
        try:
            chars.append(bytes([value]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D
            chars.append(chr(value))
    return "".join(chars)


_CP1252_TABLE = _build_cp1252_table()

# ``surrogateescape`` stands each byte that is not valid UTF-8 in as U+DC80..U+DCFF.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# A character decoded from a valid multi-byte UTF-8 sequence.
_UTF8_MULTIBYTE_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")

# The line breaks ``str.splitlines`` knows besides LF and CR (which ``str.replace``
# handles faster).
_RARE_LINE_BREAK = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _decode_cp1252(data: bytes) -> str:
    text, _consumed = codecs.charmap_decode(data, "strict", _CP1252_TABLE)
    return text


def _repair_stray_bytes(text: str) -> str:
    """Replaces surrogate-escaped stray bytes with their cp1252 characters."""
    return _ESCAPED_RUN.sub(
        lambda match: _decode_cp1252(match.group().encode("utf-8", "surrogateescape")), text
    )


def _decode_8bit(data: bytes, utf8_marked: bool) -> str:
    """UTF-8 when the bytes allow it, cp1252 for legacy files, both for mixed ones."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    if utf8_marked:
        return _repair_stray_bytes(text)
    _, stray = _ESCAPED_BYTE.subn("", text)
    _, genuine = _UTF8_MULTIBYTE_CHAR.subn("", text)
    # A legacy file only forms a valid UTF-8 sequence by accident ("Ã©"), so more real
    # UTF-8 characters than stray bytes means UTF-8 with a few foreign bytes in it.
    if genuine > stray:
        return _repair_stray_bytes(text)
    return _decode_cp1252(data)


def normalise_line_ends(text: str) -> str:
    """Makes every line break (CRLF, CR, form feed, U+2028, ...) a single LF."""
    return _RARE_LINE_BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode_text(data: bytes, normalise_lines: bool = True) -> str:
    """Decodes a saved page; see the module docstring for how the encoding is chosen.

    ``normalise_lines=False`` keeps every character as it is (for JSON, where a
    U+2028 inside a string is text, not a line end).

    Raises :class:`EmptyTextError` for no bytes or blank text and
    :class:`BinaryDataError` for data that is not text. Never raises anything else.
    """
    if not data:
        raise EmptyTextError(REASON_EMPTY)
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                if b"\x00" in body:
                    raise BinaryDataError(REASON_BINARY)
                text = _decode_8bit(body, utf8_marked=True)
            else:
                # An odd trailing byte or a broken surrogate pair becomes U+FFFD
                # rather than refusing the whole page.
                text = body.decode(encoding, "replace")
                if "\x00" in text:
                    raise BinaryDataError(REASON_BINARY)
            break
    else:
        if b"\x00" in data:
            raise BinaryDataError(REASON_BINARY)
        text = _decode_8bit(data, utf8_marked=False)
    # Some tools write the mark twice, or once more after re-saving.
    text = text.lstrip("\ufeff")
    if normalise_lines:
        text = normalise_line_ends(text)
    if not text:  # nothing but a byte-order mark
        raise EmptyTextError(REASON_EMPTY)
    if not text.strip():
        raise EmptyTextError(REASON_BLANK)
    return text
