"""The "Colours" section: one radio button per theme."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from ...preferences import Preferences
from ...style import THEME_NAMES
from .base import PreferencesSection


def theme_labels() -> dict[str, str]:
    """Each theme's name as the reader sees it, with a mnemonic, by stored name."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ColoursSection", text)

    return {
        "system": tr("Follow s&ystem (light or dark)"),
        "light": tr("&Light"),
        "dark": tr("&Dark"),
        "sepia": tr("Se&pia"),
        "high-contrast-white": tr("High contrast: &white on black"),
        "high-contrast-yellow": tr("High contrast: yell&ow on black"),
    }


class ColoursSection(PreferencesSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Colours"), parent)
        self.setObjectName("colours_section")
        self.setAccessibleName(self.tr("Colour theme"))
        self.theme_group = QButtonGroup(self)
        self.theme_buttons: dict[str, QRadioButton] = {}
        labels = theme_labels()
        for number, name in enumerate(THEME_NAMES):
            button = QRadioButton(labels.get(name, name), self)
            button.setObjectName(f"theme_{name}")
            button.setAccessibleDescription(self.tr("Colour theme"))
            self.theme_group.addButton(button, number)
            self.theme_buttons[name] = button
            self.form.addRow(button)
        self.theme_group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, _number: int, checked: bool) -> None:
        if checked:  # one signal per choice, not one for the button left as well
            self.edited.emit()

    def load(self, preferences: Preferences) -> None:
        self.theme_buttons.get(preferences.theme, self.theme_buttons[THEME_NAMES[0]]).setChecked(
            True
        )
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        number = self.theme_group.checkedId()
        return {"theme": THEME_NAMES[number] if number >= 0 else THEME_NAMES[0]}
