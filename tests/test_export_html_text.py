"""HTML and plain-text exports: same content as the page and the PDF, safe, in the reader's
size, font and line length."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pdf_tools import assert_in_order, expected_pieces, normalise
from qa_reader.document import Answer, Document, Question
from qa_reader.export.html_export import document_to_html
from qa_reader.export.options import (
    FALLBACK_DISCLAIMER,
    PRINT_THEME,
    ColourMode,
    ExportError,
    ExportOptions,
    PageSize,
    write_output,
)
from qa_reader.export.text_export import document_to_text
from qa_reader.importers import load
from qa_reader.resources import sample_document_path
from qa_reader.style import SYSTEM_SERIF, ReadingStyle
from qa_reader.themes import (
    OTHER_CONTRAST,
    TEXT_CONTRAST,
    THEMES,
    contrast_pairs,
    contrast_ratio,
    lowest_contrast,
)


class _TextOf(HTMLParser):
    """The text a browser shows: body only, block elements on their own lines."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._in_body = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._in_body = True
        if tag in ("style", "title", "script"):
            self._skip += 1
        if tag in ("p", "h1", "h2", "h3", "h4", "li", "br", "td"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_body and not self._skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextOf()
    parser.feed(markup)
    return normalise("".join(parser.parts))


def text_export_words(text: str) -> str:
    """The text export without its heading underlines."""
    lines = [line for line in text.splitlines() if not re.fullmatch(r"[=-]{3,}", line)]
    return normalise("\n".join(lines))


@pytest.fixture
def sample() -> Document:
    return load(sample_document_path())


def test_text_export_holds_everything_in_reading_order(sample: Document) -> None:
    text = document_to_text(sample, ReadingStyle(text_size=48))
    words = text_export_words(text)
    assert_in_order(words, expected_pieces(sample))
    assert_in_order(words, [f"Answer {n} of 4" for n in range(1, 5)])
    assert words.index("Answer 4 of 4") < words.index("Medical disclaimer")


def test_text_export_wraps_at_the_reader_line_length(sample: Document) -> None:
    for chars in (40, 70):
        text = document_to_text(sample, ReadingStyle(max_line_chars=chars))
        assert max(len(line) for line in text.splitlines()) <= chars
    unwrapped = document_to_text(sample, ReadingStyle(max_line_chars=None))
    assert any(len(line) > 200 for line in unwrapped.splitlines())


def test_html_and_text_exports_hold_the_same_content(sample: Document) -> None:
    markup = document_to_html(sample, ReadingStyle(text_size=48))
    text = document_to_text(sample, ReadingStyle(text_size=48))
    assert html_text(markup) == text_export_words(text)
    assert_in_order(html_text(markup), expected_pieces(sample))


def test_html_keeps_size_font_line_length_and_is_self_contained(sample: Document) -> None:
    markup = document_to_html(
        sample, ReadingStyle(text_size=48, max_line_chars=60),
        ExportOptions(page_size=PageSize.LETTER, colours=ColourMode.SCREEN),
    )
    assert markup.startswith("<!DOCTYPE html>")
    assert "font-size: 48pt" in markup
    assert '"Atkinson Hyperlegible", sans-serif' in markup
    assert "letter-spacing: 0em; word-spacing: 0em;" in markup
    spaced = document_to_html(sample, ReadingStyle(
        font_family=SYSTEM_SERIF, font_bold=True, letter_spacing=0.12, word_spacing=0.16
    ))
    assert "font-family: serif;" in spaced and "font-weight: 700;" in spaced
    assert "letter-spacing: 0.12em; word-spacing: 0.16em;" in spaced
    assert "max-width: 60ch" in markup
    assert "size: Letter portrait" in markup
    assert "break-after: avoid" in markup  # headings stay with their text when printed
    lowered = markup.lower()
    for forbidden in ("<script", " src=", "@import", "<link", "<iframe", "<img", "http:",
                      "https:", "file:"):
        assert forbidden not in lowered, forbidden
    # The only things a browser loads are the fonts, and they are inside the file.
    assert lowered.count("url(") == lowered.count("url(data:font/ttf;base64,") == 3


@pytest.mark.parametrize(("family", "faces"), [("Atkinson Hyperlegible", 3), ("Lexend", 2),
                                              ("DejaVu Serif", 0)])
def test_html_carries_the_bundled_font_inside(sample: Document, family: str, faces: int) -> None:
    import base64

    markup = document_to_html(sample, ReadingStyle(font_family=family))
    rules = re.findall(r'@font-face \{ font-family: "([^"]+)"; font-weight: (\d+); '
                       r'font-style: (\w+); src: url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)',
                       markup)
    assert len(rules) == faces
    for name, _, _, data in rules:
        assert name == family
        assert base64.b64decode(data)[:4] == b"\x00\x01\x00\x00"  # a TrueType file
    assert f'font-family: "{family}", sans-serif;' in markup


def test_html_screen_colours_follow_the_theme(sample: Document) -> None:
    for theme in THEMES.values():
        markup = document_to_html(
            sample, ReadingStyle(theme=theme), ExportOptions(colours=ColourMode.SCREEN)
        )
        assert f"color: {theme.text}; background-color: {theme.background};" in markup
        assert f"p.author {{ color: {theme.muted_text};" in markup
        paper = document_to_html(
            sample, ReadingStyle(theme=theme), ExportOptions(colours=ColourMode.PRINT)
        )
        assert f"background-color: {PRINT_THEME.background};" in paper
        assert f"background-color: {theme.background};" not in paper or theme.background == (
            PRINT_THEME.background
        )


def test_print_theme_is_dark_on_white_with_every_pair_readable() -> None:
    assert PRINT_THEME.background == "#ffffff" and not PRINT_THEME.is_dark
    assert PRINT_THEME.disclaimer_background == "#ffffff"
    lowest, foreground, background = lowest_contrast(PRINT_THEME)
    assert lowest >= OTHER_CONTRAST, (foreground, background)
    for foreground, background, kind in contrast_pairs(PRINT_THEME):
        if kind == "text":
            colours = PRINT_THEME.colours()
            assert contrast_ratio(colours[foreground], colours[background]) >= TEXT_CONTRAST


def test_content_is_escaped_not_interpreted() -> None:
    document = Document(
        title="<script>alert(1)</script> & more",
        questions=(Question("<b>Bold?</b>", answers=(Answer("<img src=x onerror=y>"),)),),
        disclaimer="Not advice.",
    )
    markup = document_to_html(document)
    assert "<script>alert" not in markup and "<img" not in markup
    assert html.escape("<img src=x onerror=y>") in markup
    assert "<b>Bold?</b>" in document_to_text(document)  # plain text stays as written


def test_exports_always_carry_a_disclaimer() -> None:
    document = Document(title="Q?", questions=(Question("Q?", answers=(Answer("A."),)),))
    expected = normalise(FALLBACK_DISCLAIMER)
    assert expected in text_export_words(document_to_text(document))
    assert expected in html_text(document_to_html(document))


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("missing/out.txt", "does not exist"),
        ("", "it is a folder"),
        ("a-file/out.txt", "is a file, not a folder"),
    ],
)
def test_writing_to_a_bad_place_says_why(tmp_path: Path, target: str, reason: str) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        write_output(tmp_path / target, "text")
    assert reason in caught.value.user_message
    assert list(tmp_path.iterdir()) == [tmp_path / "a-file"]  # nothing half-written


def test_writing_replaces_an_older_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    write_output(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.txt"]


def test_writing_without_permission_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who may write anywhere; the refusal is simulated.
    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(ExportError) as caught:
        write_output(tmp_path / "out.txt", "text")
    assert "you do not have permission to write there" in caught.value.user_message
