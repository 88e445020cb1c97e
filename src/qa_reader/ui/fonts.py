"""The easy-reading fonts shipped with the app, and the list of fonts offered to the reader.

The bundled files are registered with Qt's font database once, at start-up: after that any
widget or rich text can name their families like an installed font. A file that does not
load is logged and left out; the reader then gets the system's sans-serif face, which is
what Qt draws for a family it does not know.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from ..resources import ResourceNotFoundError, bundled_font_files
from ..style import DEFAULT_FONT_FAMILY

log = logging.getLogger(__name__)

SYSTEM_SANS = "sans-serif"
SYSTEM_SERIF = "serif"
"""Stored names of the system's own faces (the CSS generic family names)."""

BUNDLED_FAMILY_ORDER: tuple[str, ...] = (DEFAULT_FONT_FAMILY, "OpenDyslexic")
"""How the bundled families are offered: the low-vision face (the default) first."""


@dataclass
class BundledFonts:
    """What loading the bundled font files gave: families in the order they are offered,
    and the files that could not be loaded."""

    families: list[str] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    milliseconds: float = 0.0


_loaded: BundledFonts | None = None
_font_ids: dict[Path, int] = {}


def load_bundled_fonts(files: list[Path] | None = None) -> BundledFonts:
    """Registers every bundled font file (or `files`) with Qt's font database.

    A file already registered is not loaded again. Needs a QGuiApplication. Never raises
    for a bad or missing file: it is logged and listed in `failed`.
    """
    started = time.perf_counter()
    result = BundledFonts()
    if files is None:
        try:
            files = bundled_font_files()
        except ResourceNotFoundError as error:
            log.warning("bundled fonts not found: %s", error)
            files = []
    found: set[str] = set()
    for path in files:
        font_id = _font_ids.get(path)
        if font_id is None:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id == -1:
                log.warning("bundled font could not be loaded, left out: %s", path)
                result.failed.append(path)
                continue
            _font_ids[path] = font_id
        found.update(QFontDatabase.applicationFontFamilies(font_id))
    result.families = _in_offered_order(found)
    result.milliseconds = (time.perf_counter() - started) * 1000
    log.info("bundled fonts: %s loaded in %.1f ms", ", ".join(result.families) or "none",
             result.milliseconds)
    return result


def ensure_bundled_fonts() -> BundledFonts:
    """Loads the bundled fonts the first time it is called; later calls return that result."""
    global _loaded
    if _loaded is None:
        _loaded = load_bundled_fonts()
    return _loaded


def forget_bundled_fonts() -> None:
    """Unregisters the bundled fonts, so the next `ensure_bundled_fonts()` loads them again
    (for a bundle whose files changed, as in tests)."""
    global _loaded
    for font_id in _font_ids.values():
        QFontDatabase.removeApplicationFont(font_id)
    _font_ids.clear()
    _loaded = None


def bundled_font_families() -> list[str]:
    """The bundled families that loaded, in the order they are offered."""
    return list(ensure_bundled_fonts().families)


def installed_font_families(exclude: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Families installed on this system in the font database's order, without private
    (system-internal) ones, duplicates, or `exclude` (compared without case)."""
    excluded = {name.casefold() for name in exclude}
    families: list[str] = []
    for family in QFontDatabase.families():
        if QFontDatabase.isPrivateFamily(family) or family.casefold() in excluded:
            continue
        excluded.add(family.casefold())
        families.append(family)
    return families


def offered_font_families() -> list[str]:
    """Every family the reader can choose, as stored names, in the order offered: the
    bundled easy-reading faces, the system's sans-serif and serif, then every installed
    family once."""
    bundled = bundled_font_families()
    return [*bundled, SYSTEM_SANS, SYSTEM_SERIF, *installed_font_families(exclude=bundled)]


def is_available(family: str) -> bool:
    """Whether `family` can be drawn as itself (the system faces always can)."""
    if family in (SYSTEM_SANS, SYSTEM_SERIF):
        return True
    return QFontDatabase.hasFamily(family)


def _in_offered_order(families: set[str]) -> list[str]:
    known = [name for name in BUNDLED_FAMILY_ORDER if name in families]
    return known + sorted(families - set(known), key=str.casefold)
