"""Reading PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts), as a person's tools
would: what text a PDF holds, how many pages, which fonts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from qa_reader.document import Document, split_paragraphs


def _run(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, text=True, check=True, timeout=60
    ).stdout


def pdf_pages_text(path: Path) -> list[str]:
    """The text of each page, top to bottom, one printed line per line.

    Layout mode: the default mode joins a word hyphenated at the end of a page's last
    line with whatever comes next on the page, here the footer.
    """
    text = _run("pdftotext", "-layout", "-enc", "UTF-8", str(path), "-")
    pages = text.split("\f")[:-1]
    return ["\n".join(line.strip() for line in page.splitlines()) for page in pages]


def pdf_page_count(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", str(path)), re.MULTILINE)
    assert match, "pdfinfo printed no page count"
    return int(match.group(1))


def pdf_page_size(path: Path) -> str:
    match = re.search(r"^Page size:\s+(.*)$", _run("pdfinfo", str(path)), re.MULTILINE)
    assert match
    return match.group(1)


def pdf_font_names(path: Path) -> list[str]:
    """Font names as embedded (subset prefixes like "ABCDEF+" removed)."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    return [line.split()[0].split("+")[-1] for line in lines if line.strip()]


def normalise(text: str) -> str:
    """Text compared as a reader sees it: ligatures unfolded, lines joined, spaces single."""
    text = unicodedata.normalize("NFKC", text)
    # pdftotext joins a word hyphenated at a line end ("anti-" + "inflammatory") into
    # "antiinflammatory"; compare without hyphens so both spellings match.
    text = re.sub(r"-\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def expected_pieces(document: Document) -> list[str]:
    """Every piece of the document's own text, normalised, in reading order."""
    pieces = [document.title]
    for question in document.questions:
        pieces.extend(question.detail_paragraphs)
        for answer in question.answers:
            pieces.extend(answer.paragraphs)
            if answer.author:
                pieces.append(answer.author)
    if document.disclaimer:
        pieces.extend(split_paragraphs(document.disclaimer))
    return [normalise(piece) for piece in pieces]


def assert_in_order(text: str, pieces: list[str]) -> None:
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        assert found >= 0, f"missing or out of order: {piece[:60]!r}"
        position = found + len(piece)
