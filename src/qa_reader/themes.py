"""Colour themes and the WCAG contrast maths, in plain Python (no Qt).

Every colour the app paints with comes from a `Theme`: the page, the disclaimer box, the
highlights (selection, find matches, the sentence and word being read aloud, focus-mode
dimming), the keyboard focus ring, and the palette of the window around the page
(toolbar, menus, status bar, dialogs). Each theme is checked by the tests against
WCAG 2.2 AAA: text on its background at least 7:1, everything else (headings, links,
highlights, the focus ring) at least 4.5:1. `contrast_pairs()` lists the pairs to check.

Two kinds of highlight:

* *Strong* highlights (selection, find matches, the current match, the word being read)
  repaint the text in their own `*_text` colour; only that pair must contrast.
* The *soft* read-aloud sentence highlight keeps the text's own colours (so headings and
  links stay recognisable), so every text colour must also contrast with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Literal

SYSTEM_THEME = "system"
"""The stored name meaning: light or dark, whichever the desktop uses."""

TEXT_CONTRAST = 7.0
"""WCAG 2.2 success criterion 1.4.6 (AAA), normal-size text."""
OTHER_CONTRAST = 4.5
"""What this app asks of headings, links, highlights and the focus ring (more than the
3:1 WCAG asks of large text and non-text parts)."""

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a "#rrggbb" colour: 0 (black) to 1 (white)."""
    if not _HEX.fullmatch(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Theme:
    """Every colour of one theme, as "#rrggbb"."""

    name: str
    """The stored name (one of `style.THEME_NAMES` except "system")."""
    display_name: str
    """English name for menus and lists (the UI translates it)."""
    is_dark: bool

    # The page.
    background: str
    text: str
    muted_text: str
    """Notes and doctors' signatures (shown in italics as well)."""
    heading: str
    link: str
    disclaimer_background: str
    disclaimer_border: str
    disclaimer_text: str

    # Highlights in the page.
    selection_background: str
    selection_text: str
    find_background: str
    find_text: str
    find_current_background: str
    find_current_text: str
    sentence_background: str
    """Soft: the sentence being read keeps its own text colours."""
    sentence_text: str
    word_background: str
    word_text: str
    dimmed_text: str
    """Focus mode: text outside the part being read. Dimmed, never unreadable (≥ 4.5:1)."""
    focus_ring: str
    """The border drawn around the control that has the keyboard focus."""

    # The window around the page (QPalette roles).
    window: str
    window_text: str
    base: str
    base_text: str
    alternate_base: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    disabled_text: str
    placeholder_text: str

    def colours(self) -> dict[str, str]:
        """Every colour field by name."""
        return {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if field.name not in ("name", "display_name", "is_dark")
        }


Kind = Literal["text", "other"]


def contrast_pairs(theme: Theme) -> list[tuple[str, str, Kind]]:
    """(foreground field, background field, kind) for every pair the app paints.

    Kind "text" needs `TEXT_CONTRAST`, "other" `OTHER_CONTRAST`.
    """
    pairs: list[tuple[str, str, Kind]] = [
        ("text", "background", "text"),
        ("muted_text", "background", "text"),
        ("disclaimer_text", "disclaimer_background", "text"),
        ("window_text", "window", "text"),
        ("base_text", "base", "text"),
        ("button_text", "button", "text"),
        ("tooltip_text", "tooltip_base", "text"),
        ("heading", "background", "other"),
        ("link", "background", "other"),
        ("heading", "disclaimer_background", "other"),
        ("link", "disclaimer_background", "other"),
        ("disclaimer_border", "disclaimer_background", "other"),
        ("selection_text", "selection_background", "other"),
        ("find_text", "find_background", "other"),
        ("find_current_text", "find_current_background", "other"),
        ("sentence_text", "sentence_background", "other"),
        ("word_text", "word_background", "other"),
        ("dimmed_text", "background", "other"),
        ("dimmed_text", "disclaimer_background", "other"),
        ("focus_ring", "background", "other"),
        ("focus_ring", "window", "other"),
        ("focus_ring", "button", "other"),
        ("focus_ring", "base", "other"),
        ("highlighted_text", "highlight", "other"),
        ("disabled_text", "window", "other"),
        ("disabled_text", "button", "other"),
        ("placeholder_text", "base", "other"),
    ]
    # The soft sentence highlight keeps the page's own text colours.
    for foreground in ("text", "muted_text", "heading", "link", "disclaimer_text"):
        pairs.append((foreground, "sentence_background", "other"))
    return pairs


def lowest_contrast(theme: Theme) -> tuple[float, str, str]:
    """The weakest pair of a theme: (ratio, foreground field, background field)."""
    colours = theme.colours()
    return min(
        (contrast_ratio(colours[fg], colours[bg]), fg, bg) for fg, bg, _ in contrast_pairs(theme)
    )


LIGHT = Theme(
    name="light",
    display_name="Light",
    is_dark=False,
    background="#fbfaf6",
    text="#1b1b1b",
    muted_text="#3d3d3d",
    heading="#13365e",
    link="#0b4f9c",
    disclaimer_background="#eef2f7",
    disclaimer_border="#44556b",
    disclaimer_text="#1b1b1b",
    selection_background="#0b4f9c",
    selection_text="#ffffff",
    find_background="#ffe27a",
    find_text="#1b1b1b",
    find_current_background="#a33d00",
    find_current_text="#ffffff",
    sentence_background="#dcebfb",
    sentence_text="#1b1b1b",
    word_background="#13365e",
    word_text="#ffffff",
    dimmed_text="#5f5f5f",
    focus_ring="#b3261e",
    window="#ebe8e0",
    window_text="#1b1b1b",
    base="#fbfaf6",
    base_text="#1b1b1b",
    alternate_base="#f1efe8",
    button="#f4f2ec",
    button_text="#1b1b1b",
    highlight="#0b4f9c",
    highlighted_text="#ffffff",
    tooltip_base="#fffbe6",
    tooltip_text="#1b1b1b",
    disabled_text="#595959",
    placeholder_text="#595959",
)

DARK = Theme(
    name="dark",
    display_name="Dark",
    is_dark=True,
    background="#1c1d20",
    text="#e8e6e3",
    muted_text="#cfcac3",
    heading="#f4f1ec",
    link="#8ec5ff",
    disclaimer_background="#262c35",
    disclaimer_border="#8fa2bd",
    disclaimer_text="#e8e6e3",
    selection_background="#8ec5ff",
    selection_text="#101216",
    find_background="#ffd866",
    find_text="#101216",
    find_current_background="#ff9d5c",
    find_current_text="#101216",
    sentence_background="#233650",
    sentence_text="#e8e6e3",
    word_background="#c8e4ff",
    word_text="#101216",
    dimmed_text="#9b9893",
    focus_ring="#ffb347",
    window="#2a2b2f",
    window_text="#ecebe8",
    base="#1c1d20",
    base_text="#e8e6e3",
    alternate_base="#24252a",
    button="#33353a",
    button_text="#ecebe8",
    highlight="#8ec5ff",
    highlighted_text="#101216",
    tooltip_base="#101216",
    tooltip_text="#ecebe8",
    disabled_text="#a3a19c",
    placeholder_text="#a3a19c",
)

SEPIA = Theme(
    name="sepia",
    display_name="Sepia",
    is_dark=False,
    background="#f4ecd8",
    text="#33281a",
    muted_text="#4a3a28",
    heading="#4a260c",
    link="#7a3300",
    disclaimer_background="#ebdfc2",
    disclaimer_border="#6f5a3c",
    disclaimer_text="#33281a",
    selection_background="#5c3a1e",
    selection_text="#fff8e8",
    find_background="#f5cf5b",
    find_text="#33281a",
    find_current_background="#8a3210",
    find_current_text="#fff8e8",
    sentence_background="#e6d6b0",
    sentence_text="#33281a",
    word_background="#4a260c",
    word_text="#fff8e8",
    dimmed_text="#6b5a45",
    focus_ring="#8a2c0e",
    window="#e8dcc0",
    window_text="#33281a",
    base="#f4ecd8",
    base_text="#33281a",
    alternate_base="#eee3ca",
    button="#efe5cd",
    button_text="#33281a",
    highlight="#5c3a1e",
    highlighted_text="#fff8e8",
    tooltip_base="#fbf5e6",
    tooltip_text="#33281a",
    disabled_text="#665540",
    placeholder_text="#665540",
)

HIGH_CONTRAST_WHITE = Theme(
    name="high-contrast-white",
    display_name="High contrast (white on black)",
    is_dark=True,
    background="#000000",
    text="#ffffff",
    muted_text="#ffffff",
    heading="#ffffff",
    link="#8fd8ff",
    disclaimer_background="#000000",
    disclaimer_border="#ffffff",
    disclaimer_text="#ffffff",
    selection_background="#ffffff",
    selection_text="#000000",
    find_background="#ffff00",
    find_text="#000000",
    find_current_background="#00ffff",
    find_current_text="#000000",
    sentence_background="#1a3b66",
    sentence_text="#ffffff",
    word_background="#ffff00",
    word_text="#000000",
    dimmed_text="#a6a6a6",
    focus_ring="#ffff00",
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    base_text="#ffffff",
    alternate_base="#141414",
    button="#000000",
    button_text="#ffffff",
    highlight="#ffffff",
    highlighted_text="#000000",
    tooltip_base="#000000",
    tooltip_text="#ffffff",
    disabled_text="#b3b3b3",
    placeholder_text="#b3b3b3",
)

HIGH_CONTRAST_YELLOW = Theme(
    name="high-contrast-yellow",
    display_name="High contrast (yellow on black)",
    is_dark=True,
    background="#000000",
    text="#ffff00",
    muted_text="#ffff00",
    heading="#ffff00",
    link="#00ffff",
    disclaimer_background="#000000",
    disclaimer_border="#ffff00",
    disclaimer_text="#ffff00",
    selection_background="#ffff00",
    selection_text="#000000",
    find_background="#00ffff",
    find_text="#000000",
    find_current_background="#ffffff",
    find_current_text="#000000",
    sentence_background="#1a3b66",
    sentence_text="#ffff00",
    word_background="#ffffff",
    word_text="#000000",
    dimmed_text="#b3b300",
    focus_ring="#00ffff",
    window="#000000",
    window_text="#ffff00",
    base="#000000",
    base_text="#ffff00",
    alternate_base="#141400",
    button="#000000",
    button_text="#ffff00",
    highlight="#ffff00",
    highlighted_text="#000000",
    tooltip_base="#000000",
    tooltip_text="#ffff00",
    disabled_text="#b3b300",
    placeholder_text="#b3b300",
)

THEMES: dict[str, Theme] = {
    theme.name: theme
    for theme in (LIGHT, DARK, SEPIA, HIGH_CONTRAST_WHITE, HIGH_CONTRAST_YELLOW)
}
"""The themes with colours of their own, by stored name, in the order offered to readers."""


def theme_for(name: str, system_is_dark: bool = False) -> Theme:
    """The theme a stored name stands for: "system" is Dark or Light as the desktop is;
    an unknown name (never stored, but possible from old code) is Light."""
    if name == SYSTEM_THEME:
        return DARK if system_is_dark else LIGHT
    return THEMES.get(name, LIGHT)
