"""The "Colours" section: one radio button per theme, each with a sample of its colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from ...preferences import Preferences
from ...style import THEME_NAMES
from ...themes import DARK, LIGHT, SYSTEM_THEME, THEMES, Theme
from ..appearance import theme_label
from .base import PreferencesSection


def theme_swatch(themes: tuple[Theme, ...], size: QSize, font: QFont) -> QIcon:
    """"Aa" in each theme's text colour on its page colour, side by side, framed."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setFont(font)
    part = size.width() // len(themes)
    for index, theme in enumerate(themes):
        width = size.width() - part * index if index == len(themes) - 1 else part
        area = QRect(part * index, 0, width, size.height())
        painter.fillRect(area, QColor(theme.background))
        painter.setPen(QColor(theme.text))
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "Aa")
    painter.setPen(QColor(LIGHT.text))
    painter.drawRect(QRect(0, 0, size.width() - 1, size.height() - 1))
    painter.end()
    return QIcon(pixmap)


class ColoursSection(PreferencesSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        # The title's mnemonic moves the focus to the chosen theme; arrows choose another.
        super().__init__(self.tr("C&olours"), parent)
        self.setObjectName("colours_section")
        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[str, QRadioButton] = {}
        swatch_font = QFont(self.font())
        swatch_font.setBold(True)
        height = round(self.fontMetrics().height() * 1.2)
        swatch_size = QSize(round(height * 2.6), height)
        for number, name in enumerate(THEME_NAMES):
            button = QRadioButton(theme_label(name), self)
            button.setObjectName(f"theme_{name}")
            button.setAccessibleDescription(self.tr("Colour theme"))
            shown = (LIGHT, DARK) if name == SYSTEM_THEME else (THEMES.get(name, LIGHT),)
            button.setIcon(theme_swatch(shown, swatch_size, swatch_font))
            button.setIconSize(swatch_size)
            self.theme_group.addButton(button, number)
            self.theme_buttons[name] = button
            self.form.addRow(button)
        self.theme_group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, _number: int, checked: bool) -> None:
        if checked:  # one signal per choice, not one for the button left as well
            self.edited.emit()

    def load(self, preferences: Preferences) -> None:
        button = self.theme_buttons.get(preferences.theme, self.theme_buttons[SYSTEM_THEME])
        button.setChecked(True)
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        number = self.theme_group.checkedId()
        return {"theme": THEME_NAMES[number] if number >= 0 else SYSTEM_THEME}
