"""The "Window" section: the size of menus, toolbar and dialogs; the disclaimer again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QSpinBox, QWidget

from ...preferences import Preferences
from ...style import INTERFACE_SCALE_RANGE
from .base import PreferencesSection


class WindowSection(PreferencesSection):
    """`show_disclaimer`, when given, is called by the "medical disclaimer" button."""

    def __init__(
        self, parent: QWidget | None = None, show_disclaimer: Callable[[], object] | None = None
    ) -> None:
        super().__init__(self.tr("Window"), parent)
        self.setObjectName("window_section")

        self.scale_box = QSpinBox(self)
        self.scale_box.setObjectName("interface_scale")
        self.scale_box.setRange(*INTERFACE_SCALE_RANGE)
        self.scale_box.setSingleStep(25)
        self.scale_box.setSuffix(" %")
        self.add_field(
            self.tr("&Interface size:"), self.scale_box,
            self.tr("Size of the menus, toolbar, status bar and dialogs; 100 % is your "
                    "system's size. Applied when you choose OK or Apply."),
        )
        self.scale_box.valueChanged.connect(self.edited)

        self.disclaimer_button: QPushButton | None = None
        if show_disclaimer is not None:
            button = QPushButton(self.tr("Show the &medical disclaimer again…"), self)
            button.setObjectName("show_disclaimer_again")
            button.setAutoDefault(False)
            button.clicked.connect(show_disclaimer)
            self.form.addRow(button)
            self.disclaimer_button = button

    def load(self, preferences: Preferences) -> None:
        self.scale_box.setValue(preferences.interface_scale)
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        return {"interface_scale": self.scale_box.value()}
