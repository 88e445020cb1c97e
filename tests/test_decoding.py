"""decode_text: which encoding a saved page is in, line ends, and what is refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qa_reader.importers.decoding import (
    BinaryDataError,
    DecodeError,
    EmptyTextError,
    decode_text,
    normalise_line_ends,
)

SAMPLE = "Fièvre à 38,5 °C — “quoi faire?”\nDr. Núñez’ answer"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_unicode_encodings_with_their_marks(encoding: str) -> None:
    data = SAMPLE.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        # The plain codecs write no mark; a file saved by an editor has one.
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert decode_text(data) == SAMPLE


def test_utf32_big_endian_with_mark() -> None:
    assert decode_text(codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be")) == SAMPLE


def test_the_mark_is_not_part_of_the_text_even_when_doubled() -> None:
    assert decode_text(codecs.BOM_UTF8 * 2 + b"Hello") == "Hello"


def test_legacy_cp1252_file() -> None:
    data = "Caf\u00e9 \u201cquoted\u201d costs 5\u20ac \u2013 na\u00efve".encode("cp1252")
    assert decode_text(data) == "Caf\u00e9 \u201cquoted\u201d costs 5\u20ac \u2013 na\u00efve"


def test_bytes_undefined_in_cp1252_are_read_as_latin1() -> None:
    data = b"a\x81b\x8dc\x8fd\x90e\x9df\xe9"
    assert decode_text(data) == "a\x81b\x8dc\x8fd\x90e\x9df\u00e9"


def test_mostly_utf8_with_a_stray_legacy_byte_keeps_the_utf8() -> None:
    data = "Café crème brûlée".encode() + b" \x92 " + "Ærø".encode()
    assert decode_text(data) == "Café crème brûlée \u2019 Ærø"


def test_stray_bytes_after_a_utf8_mark_are_repaired_not_refused() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"na\xefve") == "na\u00efve"


def test_legacy_text_that_looks_like_utf8_by_accident_stays_cp1252() -> None:
    # "Ã©" in cp1252 is C3 A9, valid UTF-8 for "é"; the two other é are not valid UTF-8.
    data = "\u00c3\u00a9 caf\u00e9 r\u00e9sum\u00e9".encode("cp1252")
    assert decode_text(data) == "\u00c3\u00a9 caf\u00e9 r\u00e9sum\u00e9"


def test_broken_utf16_becomes_replacement_characters() -> None:
    lone_surrogate = b"\x00\xd8"
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + lone_surrogate + "!".encode("utf-16-le")
    assert decode_text(data) == "ok\ufffd!"
    odd_length = codecs.BOM_UTF16_BE + "ok".encode("utf-16-be") + b"\x21"
    assert decode_text(odd_length) == "ok\ufffd"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\nb\n", "a\nb\n"),
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\r\nb\rc\nd", "a\n\nb\nc\nd"),
        (b"a\r\r\nb", "a\n\nb"),
    ],
    ids=["lf", "crlf", "cr", "mixed", "cr-crlf"],
)
def test_line_ends_become_lf(data: bytes, expected: str) -> None:
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    "brk", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_every_splitlines_break_becomes_lf(brk: str) -> None:
    assert normalise_line_ends(f"a{brk}b") == "a\nb"
    assert normalise_line_ends(f"a{brk}b").splitlines() == f"a{brk}b".splitlines()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (codecs.BOM_UTF8, "the file is empty"),
        (codecs.BOM_UTF16_LE, "the file is empty"),
        (b" \r\n\t\n  ", "the file contains only blank lines or spaces"),
        (codecs.BOM_UTF16_BE + " \n".encode("utf-16-be"), "the file contains only blank"),
    ],
    ids=["no-bytes", "utf8-mark-only", "utf16-mark-only", "spaces", "utf16-spaces"],
)
def test_empty_and_blank_data(data: bytes, reason: str) -> None:
    with pytest.raises(EmptyTextError) as caught:
        decode_text(data)
    assert caught.value.reason.startswith(reason)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x00\x00",
        b"%PDF-1.7\n\x00\x01binary",
        "no mark".encode("utf-16-le"),
        codecs.BOM_UTF8 + b"text\x00",
        codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"),
    ],
    ids=["nuls", "pdf-like", "utf16-without-mark", "utf8-mark-with-nul", "utf16-nul-char"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryDataError) as caught:
        decode_text(data)
    assert caught.value.reason == "the file contains binary data (it is not a text file)"


def test_errors_are_value_errors_with_a_reason() -> None:
    assert issubclass(DecodeError, ValueError)
    assert issubclass(EmptyTextError, DecodeError) and issubclass(BinaryDataError, DecodeError)
    assert str(EmptyTextError("why")) == "why"


# --- properties ------------------------------------------------------------------------

# Lower-case Latin-1 letters are cp1252 bytes 0xE0-0xFF: UTF-8 lead bytes that are never
# followed by a continuation byte here, so such text can only be read as cp1252.
LEGACY_TEXT = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xE0, 0x100)] + ["\n"]
    )
)


@given(st.binary())
def test_any_bytes_without_nul_decode_or_are_blank(data: bytes) -> None:
    assume(b"\x00" not in data)
    try:
        text = decode_text(data)
    except EmptyTextError:
        return
    assert text.strip()
    assert "\r" not in text
    text.encode("utf-8")  # no lone surrogates left behind


@given(st.binary())
def test_any_bytes_give_text_or_a_decode_error(data: bytes) -> None:
    try:
        decode_text(data)
    except DecodeError as error:
        assert error.reason


@given(st.text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_survives_encoding(text: str, encoding: str) -> None:
    text = text.lstrip("\ufeff")
    assume(text.strip() and "\x00" not in text)
    assert decode_text(text.encode(encoding)) == normalise_line_ends(text)


@given(LEGACY_TEXT)
def test_legacy_text_survives_cp1252(text: str) -> None:
    assume(text.strip())
    # "þÿ" and "ÿþ" are the bytes of a UTF-16 mark; the mark wins (see decoding.py).
    assume(not text.startswith(("\u00fe\u00ff", "\u00ff\u00fe")))
    assert decode_text(text.encode("cp1252")) == text


@given(st.text())
def test_normalised_text_has_only_lf_and_the_same_lines(text: str) -> None:
    normal = normalise_line_ends(text)
    assert normal.splitlines() == text.splitlines()
    assert "\r" not in normal
