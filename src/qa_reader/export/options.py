"""What every exporter shares: formats, page and colour options, the disclaimer rule,
and writing the result to a file with a message a person can act on. No Qt.
"""

from __future__ import annotations

import enum
import errno
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..document import Document
from ..render import CSS_PIXELS_PER_POINT, RenderLabels, render_html
from ..style import ReadingStyle
from ..themes import LIGHT

__all__ = [
    "DEFAULT_MARGIN_MM",
    "ColourMode",
    "ExportError",
    "ExportFormat",
    "ExportLabels",
    "ExportOptions",
    "PageSize",
    "PRINT_THEME",
    "print_friendly",
    "render_for_export",
    "style_for_output",
    "with_disclaimer",
    "write_output",
]

DEFAULT_MARGIN_MM = 20.0
"""Wide enough for large print to be held without the thumb covering a line, and more
than any printer's unprintable edge."""


class ExportFormat(enum.Enum):
    PDF = "pdf"
    HTML = "html"
    TEXT = "txt"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


class PageSize(enum.Enum):
    A4 = "A4"
    LETTER = "Letter"


class ColourMode(enum.Enum):
    SCREEN = "screen"
    """The colours of the reader's theme, page background included."""
    PRINT = "print"
    """Dark text on white paper, whatever the theme: the default for paper."""


@dataclass(frozen=True)
class ExportOptions:
    page_size: PageSize = PageSize.A4
    colours: ColourMode = ColourMode.PRINT
    margin_mm: float = DEFAULT_MARGIN_MM


FALLBACK_DISCLAIMER = (
    "The answers on this page are general information, written by people who have not "
    "examined you. They are not a diagnosis and not medical advice for you.\n\n"
    "Before you start, stop or change any treatment, talk to your own doctor, nurse or "
    "pharmacist. In an emergency, call your local emergency number now."
)


@dataclass(frozen=True)
class ExportLabels:
    """Words the exporters add; English by default, translated by the UI (ui/labels.py)."""

    render: RenderLabels = field(default_factory=RenderLabels)
    page_number: str = "Page {number} of {count}"
    fallback_disclaimer: str = FALLBACK_DISCLAIMER
    """Printed when the page has no disclaimer of its own."""


PRINT_THEME = replace(
    LIGHT,
    name="print",
    display_name="Print-friendly",
    background="#ffffff",
    disclaimer_background="#ffffff",
)
"""Dark text on white paper: the light theme's inks (each at least 7:1 on its off-white
page, so more on white) with nothing tinted, which printers reproduce unevenly."""


def print_friendly(style: ReadingStyle) -> ReadingStyle:
    """The reader's style with dark text on white: size, font and spacing unchanged."""
    return replace(style, theme=PRINT_THEME)


def style_for_output(style: ReadingStyle, colours: ColourMode) -> ReadingStyle:
    return print_friendly(style) if colours is ColourMode.PRINT else style


def render_for_export(
    document: Document,
    style: ReadingStyle,
    options: ExportOptions,
    labels: ExportLabels,
    pixels_per_point: float = CSS_PIXELS_PER_POINT,
) -> str:
    """The renderer's HTML for an export: the disclaimer guaranteed, in the chosen colours."""
    document = with_disclaimer(document, labels.fallback_disclaimer)
    return render_html(
        document, style_for_output(style, options.colours), labels.render, pixels_per_point
    )


def with_disclaimer(document: Document, fallback: str) -> Document:
    """The document with a disclaimer: its own, or `fallback` when it has none.

    Printed answers travel without the app around them, so the paper must always say
    that they are not medical advice.
    """
    if document.disclaimer and document.disclaimer.strip():
        return document
    return replace(document, disclaimer=fallback)


class ExportError(Exception):
    """The output could not be written; `user_message` says why in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    @property
    def user_message(self) -> str:
        return f"“{self.path}” could not be written: {self.reason}."

    def __str__(self) -> str:
        return self.user_message


def _reason(path: Path, error: OSError) -> str:
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return "it is a folder; choose a file name inside it"
    if isinstance(error, FileNotFoundError) and not path.parent.exists():
        return f"the folder “{path.parent}” does not exist"
    if isinstance(error, NotADirectoryError):
        return f"“{path.parent}” is a file, not a folder"
    if isinstance(error, PermissionError):
        return "you do not have permission to write there"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    return error.strerror or str(error)


def write_output(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Writes `data` (text as UTF-8) to `path`, or raises ExportError with a clear reason.

    The file is written next to its final name and then moved into place, so a failed
    export never leaves half a file over an older good one.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.is_dir():
        raise ExportError(str(target), "it is a folder; choose a file name inside it")
    temporary = target.with_name(f".{target.name}.part")
    try:
        temporary.write_bytes(payload)
        os.replace(temporary, target)
    except OSError as error:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass  # the temporary file was never created; the first error is the one to report
        raise ExportError(str(target), _reason(target, error)) from error
