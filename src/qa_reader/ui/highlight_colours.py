"""Colours of the navigation highlights: find matches, the current match, focus-mode dimming.

They are chosen for the reading page's light background (`render.PAGE_BACKGROUND`), the only
page colour the renderer draws today. When the colour themes arrive, these values come from
the active `themes.Theme` (its find-match, current-match and dimmed-text fields) instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class HighlightColours:
    match_background: QColor
    match_text: QColor
    current_background: QColor
    current_text: QColor
    dimmed_text: QColor
    """Text outside the current stop in focus mode: quieter, still at least 4.5:1."""


def highlight_colours() -> HighlightColours:
    # Pale yellow like a highlighter pen for every match and a strong amber for the
    # current one, with dark text on top (15:1 and 11.8:1). The dimmed grey
    # keeps 5.2:1 on the page and 4.8:1 on the disclaimer's tinted box.
    return HighlightColours(
        match_background=QColor("#fff0a0"),
        match_text=QColor("#1b1b1b"),
        current_background=QColor("#ffb347"),
        current_text=QColor("#000000"),
        dimmed_text=QColor("#6a6a6a"),
    )
