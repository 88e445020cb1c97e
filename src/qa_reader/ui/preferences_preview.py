"""The Preferences dialog's live preview: a sample Q&A drawn the way the reader will see it.

It is a `ReaderView`, the same widget as the main window's page, fed by the same renderer,
so what the preview shows is what the page will show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QWidget

from ..preferences import Preferences
from ..render import render_html
from ..style import SYSTEM_SANS, SYSTEM_SERIF, reading_style_from
from .labels import translated_render_labels
from .preview_sample import preview_document
from .reader_view import ReaderView


def system_is_dark() -> bool:
    """True when the desktop asks for dark colours (what the "system" theme follows)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def reading_font(preferences: Preferences, base: QFont) -> QFont:
    """`base` with the family and weight of `preferences` ("sans-serif" and "serif" are the
    system's own faces, found by style hint where the name itself is unknown)."""
    font = QFont(base)
    font.setFamilies([preferences.font_family])
    if preferences.font_family == SYSTEM_SERIF:
        font.setStyleHint(QFont.StyleHint.Serif)
    elif preferences.font_family == SYSTEM_SANS:
        font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setBold(preferences.font_bold)
    return font


class PreferencesPreview(ReaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_preview")
        self._document = preview_document()
        self._shown: Preferences | None = None

    def show_preferences(self, preferences: Preferences) -> None:
        """Redraws the sample with `preferences`; does nothing when they are unchanged."""
        if preferences == self._shown:
            return
        self._shown = preferences
        style = reading_style_from(preferences, system_is_dark())
        self.setFont(reading_font(preferences, self.font()))
        self.set_text_size(style.text_size)
        self.set_max_line_chars(style.max_line_chars)
        self.show_html(
            render_html(
                self._document, style, translated_render_labels(), self.logicalDpiY() / 72
            ),
            self.tr("Preview"),
        )
        self.setAccessibleDescription(
            self.tr("A sample question and answer shown with the settings you chose")
        )
