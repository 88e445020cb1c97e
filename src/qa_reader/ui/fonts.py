"""Fonts: the bundled families, the list offered to readers, and the reading font.

The bundled families (resources/fonts/) are registered with Qt once at start-up. A file
that cannot be read or is not a font is logged and skipped: the reader then gets the
system's sans-serif face instead, never a crash.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

from ..resources import ResourceNotFoundError, resources_root
from ..style import SYSTEM_SANS, SYSTEM_SERIF, ReadingStyle

log = logging.getLogger(__name__)

BUNDLED_FAMILIES: dict[str, str] = {
    "Atkinson Hyperlegible": "atkinson-hyperlegible",
    "Lexend": "lexend",
}
"""Family name → folder under resources/fonts/, in the order they are offered."""


@dataclass(frozen=True)
class FontChoice:
    """One entry of the font list: the name stored in the preferences and the label shown."""

    family: str
    label: str


@cache
def load_bundled_fonts() -> tuple[str, ...]:
    """Registers every bundled font file with Qt (once); returns the families now usable."""
    started = time.perf_counter()
    loaded: list[str] = []
    try:
        fonts_dir = resources_root() / "fonts"
    except ResourceNotFoundError as error:
        log.warning("bundled fonts not found (%s); using the system's fonts", error)
        return ()
    for family, folder in BUNDLED_FAMILIES.items():
        files = sorted((fonts_dir / folder).glob("*.[ot]tf"))
        if not files:
            log.warning("no font files for %s in %s", family, fonts_dir / folder)
        for path in files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font file %s", path)
                continue
            for name in QFontDatabase.applicationFontFamilies(font_id):
                if name not in loaded:
                    loaded.append(name)
    missing = [family for family in BUNDLED_FAMILIES if family not in loaded]
    if missing:
        log.warning("bundled font families not available: %s", ", ".join(missing))
    log.info(
        "bundled fonts loaded in %.1f ms: %s",
        (time.perf_counter() - started) * 1000,
        ", ".join(loaded) or "none",
    )
    return tuple(loaded)


def font_choices() -> list[FontChoice]:
    """Bundled families first, then the system's sans-serif and serif, then every other
    installed family in alphabetical order."""
    bundled = [family for family in BUNDLED_FAMILIES if family in load_bundled_fonts()]
    choices = [FontChoice(family, family) for family in bundled]
    choices.append(FontChoice(SYSTEM_SANS, _translate("System sans-serif")))
    choices.append(FontChoice(SYSTEM_SERIF, _translate("System serif")))
    taken = set(bundled)
    installed = sorted(
        (family for family in QFontDatabase.families()
         if family not in taken and not QFontDatabase.isPrivateFamily(family)),
        key=str.casefold,
    )
    choices.extend(FontChoice(family, family) for family in installed)
    return choices


def is_available(family: str) -> bool:
    return family in (SYSTEM_SANS, SYSTEM_SERIF) or family in QFontDatabase.families()


def typeface(family: str, bold: bool) -> QFont:
    """A font of the family (at the application's size) a reader chose.

    "sans-serif" and "serif" are the system's own faces; a family that is not installed
    (a font uninstalled since it was chosen) becomes the system's sans-serif face.
    """
    if family == SYSTEM_SERIF:
        font = QFont()
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setFamilies(["serif", "Times New Roman", "Times", "DejaVu Serif"])
    elif family == SYSTEM_SANS or not is_available(family):
        if family != SYSTEM_SANS:
            log.info("font %r is not available; using the system's sans-serif", family)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setStyleHint(QFont.StyleHint.SansSerif)
    else:
        font = QFont(family)
    font.setBold(bold)
    return font


def with_size_and_spacing(
    font: QFont, points: float, pixels_per_point: float, letter_em: float, word_em: float
) -> QFont:
    """`font` at `points`, with letter and word spacing given in em of that size.

    Qt's own "em" letter spacing is a percentage of each letter's width; WCAG asks for a
    share of the font size, which is an absolute spacing in pixels.
    """
    sized = QFont(font)
    sized.setPointSizeF(points)
    pixels = points * pixels_per_point
    sized.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, letter_em * pixels)
    sized.setWordSpacing(word_em * pixels)
    return sized


def document_font(style: ReadingStyle, pixels_per_point: float) -> QFont:
    """The default font of a document shown or printed in `style` (family, weight, size,
    letter and word spacing): what the reader view uses, for previews and exports."""
    return with_size_and_spacing(
        typeface(style.font_family, style.font_bold),
        style.text_size,
        pixels_per_point,
        style.letter_spacing,
        style.word_spacing,
    )


def _translate(text: str) -> str:
    return QCoreApplication.translate("Fonts", text)
