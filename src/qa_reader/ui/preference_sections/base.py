"""What every section of the Preferences dialog is, and the helpers sections share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from ...preferences import Preferences


class PreferencesSection(QGroupBox):
    """A titled group of preference fields.

    Subclasses build their fields in `__init__` (with `add_field` so every field has a
    buddy label and an accessible name), emit `edited` whenever the reader changes one,
    and implement `load` and `changes`. `changes` returns every field the section shows,
    changed or not: `PreferencesModel.update` ignores values that did not change, and a
    section never has to remember what it loaded.
    """

    edited = Signal()
    """The reader changed a field (also emitted by `load`; listeners only re-read)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        # Labels above fields when the dialog is narrow (large interface sizes), beside
        # them otherwise; long rows wrap instead of widening the dialog.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def load(self, preferences: Preferences) -> None:
        """Shows `preferences` in the fields."""
        raise NotImplementedError

    def changes(self) -> dict[str, Any]:
        """The `Preferences` fields this section shows, as the reader set them."""
        raise NotImplementedError

    def add_field(self, label_text: str, field: QWidget, description: str) -> QLabel:
        """Adds a labelled row: the label is the field's buddy (its mnemonic focuses the
        field) and gives the field its accessible name; `description` is read out after it.
        """
        label = QLabel(label_text, self)
        label.setBuddy(field)
        field.setAccessibleName(plain_label(label_text))
        field.setAccessibleDescription(description)
        field.setToolTip(description)
        self.form.addRow(label, field)
        return label


def plain_label(text: str) -> str:
    """A label without its mnemonic marker and trailing colon, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()
