"""PDF export keeps the reader's size and font, holds every word, and pages sensibly."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pdf_tools import (
    assert_in_order,
    expected_pieces,
    normalise,
    pdf_font_names,
    pdf_page_count,
    pdf_pages_text,
)
from qa_reader.document import Answer, Document, Question
from qa_reader.export.options import ColourMode, ExportError, ExportOptions, PageSize
from qa_reader.export.pdf_export import PagedResult, export_pdf
from qa_reader.importers import load
from qa_reader.resources import sample_document_path
from qa_reader.style import DEFAULT_FONT_FAMILY, ReadingStyle

FONT_FAMILY = DEFAULT_FONT_FAMILY
"""The family the PDF must use: the one the reader reads in, by default the bundled
Atkinson Hyperlegible (not installed on the machine: the export loads it itself)."""


@dataclass(frozen=True)
class Exported:
    path: Path
    result: PagedResult
    document: Document


@pytest.fixture(scope="module")
def sample_pdfs(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Exported]:
    """The sample exported once at 16 pt and once at 48 pt (PDF export takes a moment)."""
    document = load(sample_document_path())
    folder = tmp_path_factory.mktemp("pdf")
    exported = {}
    for size in (16, 48):
        path = folder / f"sample-{size}.pdf"
        result = export_pdf(str(path), document, ReadingStyle(text_size=size), ExportOptions())
        exported[size] = Exported(path, result, document)
    return exported


def _body_text(pages: list[str], document: Document) -> str:
    """All pages' text without the running header (title) and footer (page n of N)."""
    kept = []
    for page in pages:
        lines = page.strip("\n").splitlines()
        assert lines[0].rstrip("…") and document.title.startswith(lines[0].rstrip("…"))
        assert re.fullmatch(r"Page \d+ of \d+", lines[-1])
        kept.append("\n".join(lines[1:-1]))
    return normalise("\n".join(kept))


@pytest.mark.parametrize("size", [16, 48])
def test_pdf_holds_title_every_answer_and_the_disclaimer(
    sample_pdfs: dict[int, Exported], size: int
) -> None:
    exported = sample_pdfs[size]
    pages = pdf_pages_text(exported.path)
    body = _body_text(pages, exported.document)
    assert_in_order(body, expected_pieces(exported.document))
    for number in range(1, 5):
        assert f"Answer {number} of 4" in body
    assert "Medical disclaimer" in body
    assert exported.document.disclaimer and normalise(exported.document.disclaimer) in body
    # Each paragraph once: no line of a neighbouring page is drawn twice.
    for piece in expected_pieces(exported.document)[1:]:
        assert body.count(piece) == 1, piece[:60]


@pytest.mark.parametrize("size", [16, 48])
def test_every_page_has_title_header_and_page_n_of_total_footer(
    sample_pdfs: dict[int, Exported], size: int
) -> None:
    exported = sample_pdfs[size]
    pages = pdf_pages_text(exported.path)
    total = pdf_page_count(exported.path)
    assert len(pages) == total == exported.result.pages
    for number, page in enumerate(pages, start=1):
        lines = page.strip("\n").splitlines()
        assert exported.document.title.startswith(lines[0].rstrip("…"))
        assert lines[-1] == f"Page {number} of {total}"


def test_48_pt_takes_more_pages_than_16_pt(sample_pdfs: dict[int, Exported]) -> None:
    small = pdf_page_count(sample_pdfs[16].path)
    large = pdf_page_count(sample_pdfs[48].path)
    print(f"pages: 16 pt = {small}, 48 pt = {large}")
    assert small >= 1
    assert large > small * 2  # three times the size needs many times the paper


@pytest.mark.parametrize("size", [16, 48])
def test_pdf_uses_the_reading_font(sample_pdfs: dict[int, Exported], size: int) -> None:
    fonts = pdf_font_names(sample_pdfs[size].path)
    print(f"fonts at {size} pt: {fonts}")
    assert sample_pdfs[size].result.font_family == FONT_FAMILY
    assert any(name.startswith(FONT_FAMILY.replace(" ", "")) for name in fonts), fonts


def test_headings_are_never_the_last_line_of_a_page(sample_pdfs: dict[int, Exported]) -> None:
    heading = re.compile(r"^(Answer \d+ of \d+|Doctors’ answers \(\d+\)|Medical disclaimer)$")
    for size in (16, 48):
        pages = pdf_pages_text(sample_pdfs[size].path)
        for number, page in enumerate(pages, start=1):
            body_lines = [line for line in page.splitlines()[1:-1] if line.strip()]
            assert body_lines, f"page {number} at {size} pt is empty"
            assert not heading.match(body_lines[-1].strip()), (
                f"“{body_lines[-1]}” ends page {number} at {size} pt, apart from its text"
            )


def test_a_page_without_a_disclaimer_still_prints_one(qapp: object, tmp_path: Path) -> None:
    document = Document(
        title="Is it safe to fly with a cold?",
        questions=(Question("Is it safe to fly with a cold?", answers=(Answer("Usually."),)),),
    )
    path = tmp_path / "fly.pdf"
    export_pdf(str(path), document, ReadingStyle(), ExportOptions(page_size=PageSize.LETTER))
    text = normalise(" ".join(pdf_pages_text(path)))
    assert "Medical disclaimer" in text
    assert "not a diagnosis and not medical advice" in text


def test_screen_colours_paint_the_theme_page_and_print_colours_white_paper(
    qapp: object, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage

    from qa_reader.export.options import PRINT_THEME
    from qa_reader.themes import DARK

    document = load(sample_document_path())
    for mode in ColourMode:
        path = tmp_path / f"{mode.value}.pdf"
        export_pdf(str(path), document, ReadingStyle(theme=DARK), ExportOptions(colours=mode))
        subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", str(path),
                        str(tmp_path / mode.value)], check=True, timeout=60)
        image = QImage(str(next(tmp_path.glob(f"{mode.value}-*1.png"))))
        corner = image.pixelColor(2, 2).name()  # in the margin: no text
        expected = DARK.background if mode is ColourMode.SCREEN else PRINT_THEME.background
        assert corner == expected


@pytest.mark.parametrize(
    ("make_target", "reason"),
    [
        (lambda tmp: tmp / "no such folder" / "out.pdf", "does not exist"),
        (lambda tmp: tmp, "it is a folder"),
        (lambda tmp: (tmp / "a file").with_suffix(".txt") / "out.pdf", "is a file, not a folder"),
    ],
    ids=["missing-folder", "a-directory", "parent-is-a-file"],
)
def test_bad_output_path_raises_a_clear_error(
    qapp: object, tmp_path: Path, make_target: object, reason: str
) -> None:
    (tmp_path / "a file.txt").write_text("x", encoding="utf-8")
    target = make_target(tmp_path)  # type: ignore[operator]  # a lambda from the table above
    with pytest.raises(ExportError) as caught:
        export_pdf(str(target), load(sample_document_path()), ReadingStyle(), ExportOptions())
    assert reason in caught.value.user_message
    assert str(target) in caught.value.user_message


def test_a_long_page_with_two_questions_pages_cleanly_at_48_pt(
    qapp: object, tmp_path: Path
) -> None:
    paragraph = ("Keep to the dose on each packet and count every product you take: many "
                 "cold and flu remedies already contain paracetamol. ") * 2
    answers = tuple(
        Answer(f"{paragraph}\n\nReply {number} ends here.", author=f"Dr. Number {number}")
        for number in range(1, 13)
    )
    document = Document(
        "Two questions",
        (Question("First question?", "Details.", answers), Question("Second?", "", answers[:3])),
        "General information only.",
    )
    path = tmp_path / "long.pdf"
    result = export_pdf(str(path), document, ReadingStyle(text_size=48), ExportOptions())
    pages = pdf_pages_text(path)
    assert len(pages) == result.pages == pdf_page_count(path) > 40
    heading = re.compile(r"^(Answer \d+ of \d+|Doctors’ answers \(\d+\)|Medical disclaimer)$")
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[-1] == f"Page {number} of {len(pages)}"
        body = lines[1:-1]
        assert body, f"page {number} is empty"
        assert not heading.match(body[-1]), f"page {number} ends with “{body[-1]}”"
        kept.extend(body)
    text = normalise(" ".join(kept))
    for number in range(1, 13):
        expected = 2 if number <= 3 else 1
        assert text.count(f"Reply {number} ends here.") == expected
        assert text.count(f"Dr. Number {number} ") + text.endswith(f"Dr. Number {number}") \
            == expected
    assert text.count(normalise("Keep to the dose on each packet")) == 2 * 15
    assert text.endswith("General information only.")


@pytest.mark.parametrize("size", [16, 48])
def test_pdf_text_equals_the_plain_text_export(
    sample_pdfs: dict[int, Exported], size: int
) -> None:
    from qa_reader.export.text_export import document_to_text

    exported = sample_pdfs[size]
    pdf_text = _body_text(pdf_pages_text(exported.path), exported.document)
    plain = document_to_text(exported.document, ReadingStyle(text_size=size))
    plain_words = normalise(
        "\n".join(line for line in plain.splitlines() if not re.fullmatch(r"[=-]{3,}", line))
    )
    assert pdf_text == plain_words


def test_letter_spacing_is_a_share_of_the_text_size(qapp: object, tmp_path: Path) -> None:
    """0.12 em at 16 pt adds about 1.9 pt after each letter (WCAG 1.4.12), not more."""
    document = Document("Spacing", (Question("Spacing?", answers=(Answer("temperature"),)),))
    widths = {}
    line_top = None
    for spacing in (0.0, 0.12):
        path = tmp_path / f"spacing-{spacing}.pdf"
        export_pdf(str(path), document, ReadingStyle(text_size=16, letter_spacing=spacing),
                   ExportOptions())
        bbox = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                              text=True, check=True, timeout=60).stdout
        words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                           r'([^<]+)</word>', bbox)
        if line_top is None:
            line_top = next(y for _, y, _, word in words if word == "temperature")
        # With spacing, pdftotext may take each letter for a word: measure the whole line.
        line = [(float(x0), float(x1)) for x0, y, x1, _ in words if y == line_top]
        widths[spacing] = max(x1 for _, x1 in line) - min(x0 for x0, _ in line)
    extra_per_letter = (widths[0.12] - widths[0.0]) / (len("temperature") - 1)
    assert extra_per_letter == pytest.approx(0.12 * 16, rel=0.15)


@pytest.mark.parametrize(("family", "embedded"), [("Lexend", "Lexend"),
                                                   ("DejaVu Serif", "DejaVuSerif")])
def test_pdf_uses_another_chosen_family(
    qapp: object, tmp_path: Path, family: str, embedded: str
) -> None:
    path = tmp_path / "family.pdf"
    document = load(sample_document_path())
    result = export_pdf(str(path), document, ReadingStyle(font_family=family), ExportOptions())
    assert result.font_family == family
    fonts = pdf_font_names(path)
    assert fonts and all(name.startswith(embedded) for name in fonts), fonts


def test_pdf_keeps_the_reader_line_length(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "narrow.pdf"
    style = ReadingStyle(text_size=12, max_line_chars=50)
    export_pdf(str(path), load(sample_document_path()), style, ExportOptions())
    lines = [line for page in pdf_pages_text(path) for line in page.splitlines()[1:-1]]
    body = [line for line in lines if len(line) > 20]
    assert max(len(line) for line in body) <= 50
    assert sum(len(line) for line in body) / len(body) > 38  # the column is used, not starved
