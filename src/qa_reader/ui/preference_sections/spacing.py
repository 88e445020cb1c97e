"""The "Spacing" section: line height, paragraph, letter and word spacing, line length."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...preferences import Preferences
from ...style import (
    LETTER_SPACING_RANGE,
    LINE_HEIGHT_RANGE,
    MAX_LINE_CHARS_RANGE,
    PARAGRAPH_SPACING_RANGE,
    WCAG_TEXT_SPACING,
    WORD_SPACING_RANGE,
)
from .base import PreferencesSection

ENABLED_LINE_CHARS = 70
"""The line length offered when the reader turns the limit on from "no limit"."""


def _em_box(name: str, bounds: tuple[float, float], step: float, parent: QWidget) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(name)
    box.setRange(*bounds)
    box.setDecimals(2)
    box.setSingleStep(step)
    box.setSuffix(" em")
    box.setAccelerated(True)
    box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return box


class SpacingSection(PreferencesSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Spacing"), parent)
        self.setObjectName("spacing_section")

        # Shown in percent, as CSS and word processors do, rather than as a bare factor.
        self.line_height_box = QSpinBox(self)
        self.line_height_box.setObjectName("line_height")
        self.line_height_box.setRange(*(round(bound * 100) for bound in LINE_HEIGHT_RANGE))
        self.line_height_box.setSingleStep(10)
        self.line_height_box.setSuffix(" %")
        self.add_field(
            self.tr("Line &height:"), self.line_height_box,
            self.tr("Height of each line in percent of the text size; 150 % is the default."),
        )
        self.paragraph_box = _em_box("paragraph_spacing", PARAGRAPH_SPACING_RANGE, 0.1, self)
        self.add_field(
            self.tr("Paragraph spa&cing:"), self.paragraph_box,
            self.tr("Space after each paragraph, in em (the width of the letter M)."),
        )
        self.letter_box = _em_box("letter_spacing", LETTER_SPACING_RANGE, 0.01, self)
        self.add_field(
            self.tr("Le&tter spacing:"), self.letter_box,
            self.tr("Extra space between letters, in em."),
        )
        self.word_box = _em_box("word_spacing", WORD_SPACING_RANGE, 0.01, self)
        self.add_field(
            self.tr("Wo&rd spacing:"), self.word_box,
            self.tr("Extra space between words, in em."),
        )

        self.limit_box = QCheckBox(self.tr("Limit line len&gth"), self)
        self.limit_box.setObjectName("limit_line_length")
        self.limit_box.setAccessibleDescription(
            self.tr("Keep lines short so the eye finds the next line easily")
        )
        self.line_chars_box = QSpinBox(self)
        self.line_chars_box.setObjectName("max_line_chars")
        self.line_chars_box.setRange(max(1, MAX_LINE_CHARS_RANGE[0]), MAX_LINE_CHARS_RANGE[1])
        self.line_chars_box.setSingleStep(5)
        self.line_chars_box.setSuffix(self.tr(" characters"))
        self.line_chars_box.setAccessibleName(self.tr("Longest line"))
        self.line_chars_box.setAccessibleDescription(
            self.tr("The longest line, in characters, when the limit is on")
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.limit_box)
        row.addWidget(self.line_chars_box, 1)
        self.form.addRow(row)

        self.wcag_button = QPushButton(self.tr("Use WCAG te&xt spacing"), self)
        self.wcag_button.setObjectName("wcag_text_spacing")
        self.wcag_button.setAutoDefault(False)  # Enter in a field must mean OK, not this
        self.wcag_button.setAccessibleDescription(
            self.tr(
                "Line height 150 %, paragraph spacing 2 em, letter spacing 0.12 em, "
                "word spacing 0.16 em"
            )
        )
        self.wcag_button.setToolTip(self.wcag_button.accessibleDescription())
        self.wcag_button.clicked.connect(self.use_wcag_spacing)
        self.form.addRow(self.wcag_button)

        for box in (self.line_height_box, self.line_chars_box):
            box.valueChanged.connect(self.edited)
        for em_box in (self.paragraph_box, self.letter_box, self.word_box):
            em_box.valueChanged.connect(self.edited)
        self.limit_box.toggled.connect(self._on_limit_toggled)

    def _on_limit_toggled(self, on: bool) -> None:
        self.line_chars_box.setEnabled(on)
        self.edited.emit()

    def use_wcag_spacing(self) -> None:
        self.line_height_box.setValue(round(WCAG_TEXT_SPACING["line_height"] * 100))
        self.paragraph_box.setValue(WCAG_TEXT_SPACING["paragraph_spacing"])
        self.letter_box.setValue(WCAG_TEXT_SPACING["letter_spacing"])
        self.word_box.setValue(WCAG_TEXT_SPACING["word_spacing"])

    def load(self, preferences: Preferences) -> None:
        self.line_height_box.setValue(round(preferences.line_height * 100))
        self.paragraph_box.setValue(preferences.paragraph_spacing)
        self.letter_box.setValue(preferences.letter_spacing)
        self.word_box.setValue(preferences.word_spacing)
        limited = preferences.max_line_chars > 0
        self.line_chars_box.setValue(preferences.max_line_chars if limited else ENABLED_LINE_CHARS)
        self.limit_box.setChecked(limited)
        self.line_chars_box.setEnabled(limited)
        self.edited.emit()

    def changes(self) -> dict[str, Any]:
        return {
            "line_height": self.line_height_box.value() / 100,
            "paragraph_spacing": round(self.paragraph_box.value(), 2),
            "letter_spacing": round(self.letter_box.value(), 2),
            "word_spacing": round(self.word_box.value(), 2),
            "max_line_chars": self.line_chars_box.value() if self.limit_box.isChecked() else 0,
        }
