"""A settings page built elsewhere (read-aloud voices, say), shown as a dialog section."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...preferences import Preferences
from .base import PreferencesSection


class SettingsPage(Protocol):
    """What a page must offer: show preferences, and say what the reader set."""

    def load(self, preferences: Preferences) -> None: ...

    def changes(self) -> Mapping[str, Any]: ...


class PageSection(PreferencesSection):
    """Puts `page` (a widget with `load` and `changes`) under a section title.

    The page needs no signal of its own: any change to one of its combo boxes, sliders,
    spin boxes, check boxes or text fields counts as an edit, so the preview and the Apply
    button follow it like the dialog's own fields.
    """

    def __init__(self, title: str, page: SettingsPage, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        if not isinstance(page, QWidget):
            raise TypeError("a settings page must be a widget")
        self.page = page
        self.setObjectName(f"{page.objectName() or 'page'}_section")
        page.setParent(self)
        self.form.addRow(page)
        for combo in page.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.edited)
        for slider in page.findChildren(QAbstractSlider):
            slider.valueChanged.connect(self.edited)
        for spin in page.findChildren(QSpinBox):
            spin.valueChanged.connect(self.edited)
        for double_spin in page.findChildren(QDoubleSpinBox):
            double_spin.valueChanged.connect(self.edited)
        for button in page.findChildren(QAbstractButton):
            if button.isCheckable():
                button.toggled.connect(self.edited)
        for line in page.findChildren(QLineEdit):
            line.textChanged.connect(self.edited)

    def load(self, preferences: Preferences) -> None:
        self.page.load(preferences)
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        return dict(self.page.changes())
