"""A settings page made elsewhere joins the Preferences dialog through PageSection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSlider, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from qa_reader.preferences import Preferences
from qa_reader.ui.preference_sections import PageSection


class ThemePage(QWidget):
    """A stand-in page in the shape of the read-aloud settings page: load and changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("theme_page")
        self.combo = QComboBox(self)
        self.combo.addItems(["light", "dark"])
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(100, 300)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.slider)

    def load(self, preferences: Preferences) -> None:
        self.combo.setCurrentText(preferences.theme)
        self.slider.setValue(preferences.interface_scale)

    def changes(self, current: Preferences | None = None) -> dict[str, Any]:
        return {"theme": self.combo.currentText(), "interface_scale": self.slider.value()}


def test_page_section_loads_reports_and_signals_edits(qtbot: QtBot) -> None:
    page = ThemePage()
    section = PageSection("Look", page)
    qtbot.addWidget(section)
    assert section.objectName() == "theme_page_section"
    assert page.parent() is section
    with qtbot.wait_signal(section.edited):
        section.load(Preferences(theme="dark", interface_scale=150))
    assert section.changes() == {"theme": "dark", "interface_scale": 150}
    with qtbot.wait_signal(section.edited):
        page.combo.setCurrentText("light")
    with qtbot.wait_signal(section.edited):
        page.slider.setValue(200)
    assert section.changes() == {"theme": "light", "interface_scale": 200}
