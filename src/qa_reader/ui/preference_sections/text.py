"""The "Text" section: font, bold, text size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ...preferences import Preferences
from ...style import SYSTEM_SERIF, TEXT_SIZE_LADDER, nearest_size, size_percent
from ..fonts import BUNDLED_FAMILIES, font_choices, typeface
from .base import PreferencesSection


class TextSection(PreferencesSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Text"), parent)
        self.setObjectName("text_section")

        self.font_box = QComboBox(self)
        self.font_box.setObjectName("font_family")
        self._fill_fonts()
        self.add_field(
            self.tr("&Font:"), self.font_box,
            self.tr("The typeface of the reading text. Fonts made for easy reading come first."),
        )

        self.bold_box = QCheckBox(self.tr("&Bold text"), self)
        self.bold_box.setObjectName("font_bold")
        self.bold_box.setAccessibleDescription(self.tr("Show the reading text in bold"))
        self.form.addRow(self.bold_box)

        self.size_box = QComboBox(self)
        self.size_box.setObjectName("text_size")
        for points in TEXT_SIZE_LADDER:
            label = self.tr("{points} pt ({percent} %)").format(
                points=points, percent=size_percent(points)
            )
            self.size_box.addItem(label, points)
        self.add_field(
            self.tr("Text si&ze:"), self.size_box,
            self.tr("The size of the reading text; Ctrl+plus and Ctrl+minus change it too."),
        )

        self.font_box.currentIndexChanged.connect(self.edited)
        self.bold_box.toggled.connect(self.edited)
        self.size_box.currentIndexChanged.connect(self.edited)

    def _fill_fonts(self) -> None:
        """Bundled faces, the system's sans-serif and serif, a line, every installed family."""
        for choice in font_choices():
            self.font_box.addItem(choice.label, choice.family)
            if choice.family in BUNDLED_FAMILIES or choice.family.endswith("serif"):
                # The easy-reading choices are shown in their own face; the long installed
                # list stays plain, as drawing hundreds of faces makes the list slow to open.
                sample = typeface(choice.family, bold=False)
                sample.setPointSizeF(self.font().pointSizeF())
                index = self.font_box.count() - 1
                self.font_box.setItemData(index, sample, Qt.ItemDataRole.FontRole)
            if choice.family == SYSTEM_SERIF:
                self.font_box.insertSeparator(self.font_box.count())

    def load(self, preferences: Preferences) -> None:
        index = self.font_box.findData(preferences.font_family)
        if index < 0:
            # A family chosen earlier that is no longer installed: keep it visible and
            # selected, so opening the dialog does not change it behind the reader's back.
            label = self.tr("{family} (not installed)").format(family=preferences.font_family)
            self.font_box.addItem(label, preferences.font_family)
            index = self.font_box.count() - 1
        self.font_box.setCurrentIndex(index)
        self.bold_box.setChecked(preferences.font_bold)
        self.size_box.setCurrentIndex(self.size_box.findData(nearest_size(preferences.text_size)))
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        return {
            "font_family": str(self.font_box.currentData()),
            "font_bold": self.bold_box.isChecked(),
            "text_size": int(self.size_box.currentData()),
        }
