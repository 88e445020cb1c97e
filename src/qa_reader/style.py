"""Reading style and the ladder of text sizes, in plain Python (no Qt).

The ladder is a fixed list of point sizes chosen so each step is a visible
change at every scale: small steps where small sizes are read, larger ones
where the text is already big.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .themes import LIGHT, Theme, theme_for

if TYPE_CHECKING:  # only for the annotation: preferences.py imports Qt, this module must not
    from .preferences import Preferences

TEXT_SIZE_LADDER: tuple[int, ...] = (
    8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 28, 32, 36, 40, 48, 56, 64, 72, 84, 96,
)
MIN_TEXT_SIZE = TEXT_SIZE_LADDER[0]
MAX_TEXT_SIZE = TEXT_SIZE_LADDER[-1]
BASE_TEXT_SIZE = 16
"""The size shown as 100 %, and the default unless the platform's own default is larger."""


def nearest_size(points: float) -> int:
    """The ladder size closest to `points` (ties go to the larger, easier-to-read one)."""
    if points <= MIN_TEXT_SIZE:
        return MIN_TEXT_SIZE
    if points >= MAX_TEXT_SIZE:
        return MAX_TEXT_SIZE
    index = bisect_left(TEXT_SIZE_LADDER, points)
    lower, upper = TEXT_SIZE_LADDER[index - 1], TEXT_SIZE_LADDER[index]
    return lower if points - lower < upper - points else upper


def larger_size(points: float) -> int:
    """The next ladder size above `points`, or the largest size."""
    index = bisect_right(TEXT_SIZE_LADDER, points)
    return TEXT_SIZE_LADDER[min(index, len(TEXT_SIZE_LADDER) - 1)]


def smaller_size(points: float) -> int:
    """The next ladder size below `points`, or the smallest size."""
    index = bisect_left(TEXT_SIZE_LADDER, points) - 1
    return TEXT_SIZE_LADDER[max(index, 0)]


def default_size(platform_points: float | None = None) -> int:
    """16 pt, or the platform's default text size if that is larger (snapped to the ladder)."""
    if platform_points is None or platform_points <= BASE_TEXT_SIZE:
        return BASE_TEXT_SIZE
    return nearest_size(platform_points)


def size_percent(points: float) -> int:
    """The size as a percentage of the 16 pt base, as shown in the status bar."""
    return round(points * 100 / BASE_TEXT_SIZE)


THEME_NAMES: tuple[str, ...] = (
    "system",
    "light",
    "dark",
    "sepia",
    "high-contrast-white",
    "high-contrast-yellow",
)
"""The colour themes, by stored name: "system" follows the desktop's light or dark scheme;
the two high-contrast themes are white and yellow text on black."""

DEFAULT_FONT_FAMILY = "Atkinson Hyperlegible"
"""Bundled with the app and designed for readers with low vision."""

LINE_HEIGHT_RANGE = (1.0, 3.0)
PARAGRAPH_SPACING_RANGE = (0.0, 3.0)
"""Extra space after each paragraph, in em (WCAG 1.4.12 asks that 2.0 be reachable)."""
LETTER_SPACING_RANGE = (0.0, 0.3)
WORD_SPACING_RANGE = (0.0, 0.5)
MAX_LINE_CHARS_RANGE = (0, 200)
"""Characters per line; 0 means no limit."""
INTERFACE_SCALE_RANGE = (100, 300)
"""Menus, toolbar, status bar and dialogs, in percent of the platform's size."""


SYSTEM_SANS = "sans-serif"
SYSTEM_SERIF = "serif"
"""Stored font names meaning the system's own sans-serif and serif faces."""

WCAG_TEXT_SPACING = {
    "line_height": 1.5,
    "paragraph_spacing": 2.0,
    "letter_spacing": 0.12,
    "word_spacing": 0.16,
}
"""WCAG 2.2 success criterion 1.4.12: text must stay readable with these values (line
height × size, space after paragraphs, between letters and between words, in em)."""


@dataclass(frozen=True)
class ReadingStyle:
    """What the renderer and the view need to know about how the reader wants to read.

    Sizes and spacing are relative to `text_size` (line height a multiple of it, spacing
    in em) so the same style reads the same at every size.
    """

    text_size: int = BASE_TEXT_SIZE
    max_line_chars: int | None = 70
    """Longest line in characters; None: lines use the whole width."""
    theme: Theme = field(default=LIGHT)
    font_family: str = DEFAULT_FONT_FAMILY
    """A family name, or `SYSTEM_SANS` / `SYSTEM_SERIF`."""
    font_bold: bool = False
    line_height: float = 1.5
    paragraph_spacing: float = 1.0
    letter_spacing: float = 0.0
    word_spacing: float = 0.0


def reading_style_from(preferences: Preferences, system_is_dark: bool = False) -> ReadingStyle:
    """The one mapping from stored preferences to a reading style, used by the window, the
    preferences dialog's preview and every export, so they all look the same."""
    return ReadingStyle(
        text_size=preferences.text_size,
        max_line_chars=preferences.max_line_chars or None,
        theme=theme_for(preferences.theme, system_is_dark),
        font_family=preferences.font_family,
        font_bold=preferences.font_bold,
        line_height=preferences.line_height,
        paragraph_spacing=preferences.paragraph_spacing,
        letter_spacing=preferences.letter_spacing,
        word_spacing=preferences.word_spacing,
    )
