"""The Preferences dialog's live preview: a sample Q&A drawn the way the reader will see it.

It is a `ReaderView`, the same widget as the main window's page, fed by the same renderer
and the same reading style, font and palette as the page (see `Appearance`), so what the
preview shows is what the page will show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..preferences import Preferences
from ..render import render_html
from ..style import reading_style_from
from .appearance import page_palette, system_is_dark
from .fonts import typeface
from .labels import translated_render_labels
from .preview_sample import preview_document
from .reader_view import ReaderView


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
        self.setPalette(page_palette(style.theme))
        self.set_typeface(
            typeface(style.font_family, style.font_bold), style.letter_spacing, style.word_spacing
        )
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
