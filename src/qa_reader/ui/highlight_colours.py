"""Colours of the navigation highlights: find matches, the current match, focus-mode dimming.

They come from the theme in use (its find-match, current-match and dimmed-text fields), each
pair tested for contrast in tests/test_themes.py.
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
    """The find and focus-mode colours of the theme in use (see `appearance.active_theme`)."""
    from .appearance import active_theme

    theme = active_theme()
    return HighlightColours(
        match_background=QColor(theme.find_background),
        match_text=QColor(theme.find_text),
        current_background=QColor(theme.find_current_background),
        current_text=QColor(theme.find_current_text),
        dimmed_text=QColor(theme.dimmed_text),
    )
