"""The Preferences dialog: text, colours, spacing and window size, with a live preview.

Changes are not applied to the main window while the dialog is open: the preview beside
the fields shows them at once, and only OK or Apply hand them to the `PreferencesModel`
(which the window applies and saves). So Cancel and Esc have nothing to undo, and a reader
trying colours never has the settings file rewritten on every arrow key. Apply is there to
see a choice on the real page without closing the dialog; Cancel after Apply keeps what
was applied, as in other desktop programs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..preferences import Preferences, PreferencesModel
from .preference_sections import PreferencesSection
from .preference_sections.colours import ColoursSection
from .preference_sections.spacing import SpacingSection
from .preference_sections.text import TextSection
from .preference_sections.window import WindowSection
from .preferences_preview import PreferencesPreview

MIN_DIALOG_POINTS = 12.0
"""The dialog's text never gets smaller than this, whatever the platform's default."""

Button = QDialogButtonBox.StandardButton


class PreferencesDialog(QDialog):
    """Window-modal and non-blocking: open it with `open()`.

    `defaults` are what "Restore defaults" shows (the default text size depends on the
    platform, so the caller supplies them); `show_disclaimer`, when given, is offered as
    a button.
    """

    def __init__(
        self,
        parent: QWidget | None,
        model: PreferencesModel,
        defaults: Preferences,
        show_disclaimer: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._model = model
        self._defaults = defaults
        self._show_disclaimer = show_disclaimer
        self._follow_application_font()

        # Built in reading order, as Qt's Tab order follows the order widgets are made in:
        # the sections' fields top to bottom, then the preview, then the buttons.
        # The two panes share the width through a splitter a mouse can move.
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setChildrenCollapsible(False)
        self._scroll = self._build_scroll_area()
        self.sections = self._build_sections()
        self._preview_pane = QWidget(self._splitter)
        self.preview = PreferencesPreview(self._preview_pane)
        self.buttons = self._build_buttons()
        self._lay_out()

        for section in self.sections:
            section.load(model.current)
            section.edited.connect(self._on_edited)
        model.changed.connect(self._on_model_changed)
        self._on_edited()
        self._fit_to_screen()

    def _build_sections(self) -> list[PreferencesSection]:
        # One line per section; each loads and reports its own fields.
        return [
            TextSection(self._column),
            ColoursSection(self._column),
            SpacingSection(self._column),
            WindowSection(self._column, self._show_disclaimer),
        ]

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            Button.Ok | Button.Cancel | Button.Apply | Button.RestoreDefaults, self
        )
        buttons.button(Button.Apply).setText(self.tr("&Apply"))
        restore = buttons.button(Button.RestoreDefaults)
        restore.setText(self.tr("R&estore defaults"))
        restore.setToolTip(
            self.tr("Show the default settings here; OK or Apply makes them take effect")
        )
        restore.setAccessibleDescription(restore.toolTip())
        for kind in (Button.Apply, Button.RestoreDefaults):
            buttons.button(kind).setAutoDefault(False)
        buttons.button(Button.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.clicked.connect(self._on_clicked)
        return buttons

    def _build_scroll_area(self) -> QScrollArea:
        # Large interface sizes make the sections taller than a screen: they scroll, and
        # the scroll area follows the keyboard focus on its own.
        scroll = QScrollArea(self._splitter)
        scroll.setObjectName("preferences_sections")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._column = QWidget()
        scroll.setWidget(self._column)
        return scroll

    def _lay_out(self) -> None:
        column_layout = QVBoxLayout(self._column)
        for section in self.sections:
            column_layout.addWidget(section)
        column_layout.addStretch(1)

        preview_label = QLabel(self.tr("Pre&view:"), self._preview_pane)
        preview_label.setBuddy(self.preview)
        preview_column = QVBoxLayout(self._preview_pane)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(preview_label)
        preview_column.addWidget(self.preview, 1)

        self._splitter.addWidget(self._scroll)
        self._splitter.addWidget(self._preview_pane)
        layout = QVBoxLayout(self)
        layout.addWidget(self._splitter, 1)
        layout.addWidget(self.buttons)

    # -- what the reader chose -------------------------------------------------------------

    def chosen(self) -> Preferences:
        """The preferences as the dialog's fields describe them now."""
        changes: dict[str, Any] = {}
        for section in self.sections:
            changes.update(section.changes())
        return replace(self._model.current, **changes)

    def _on_model_changed(self, _preferences: Preferences) -> None:
        self._on_edited()  # after Apply, "Apply" is off until the next change

    def _on_edited(self) -> None:
        chosen = self.chosen()
        self.preview.show_preferences(chosen)
        self.buttons.button(Button.Apply).setEnabled(chosen != self._model.current)

    def apply(self) -> None:
        """Hands the chosen preferences to the model; the window applies and saves them."""
        changes: dict[str, Any] = {}
        for section in self.sections:
            changes.update(section.changes())
        self._model.update(**changes)

    def restore_defaults(self) -> None:
        """Shows the defaults in every field; nothing takes effect until OK or Apply."""
        for section in self.sections:
            section.load(self._defaults)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def _on_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.buttonRole(button)
        if role == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()
        elif role == QDialogButtonBox.ButtonRole.ResetRole:
            self.restore_defaults()

    # -- size ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Qt hands this event to event() only, not to changeEvent().
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._follow_application_font()  # a new interface size was applied
        return super().event(event)

    def _follow_application_font(self) -> None:
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0 and font.pointSizeF() < MIN_DIALOG_POINTS:
            font.setPointSizeF(MIN_DIALOG_POINTS)
        self.setFont(font)

    def _fit_to_screen(self) -> None:
        """Tall enough for every section without scrolling when the screen allows, wide
        enough for a preview with lines of a useful length; never larger than the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        layout = self.layout()
        assert layout is not None  # set in _lay_out
        margins = layout.contentsMargins()
        needed_height = (
            self._column.sizeHint().height()
            + self.buttons.sizeHint().height()
            + layout.spacing()
            + margins.top()
            + margins.bottom()
        )
        scroll_bar = self._scroll.verticalScrollBar().sizeHint().width()
        sections = self._column.sizeHint().width() + scroll_bar
        # Wide enough for the sections and a preview at least as wide, up to nearly the
        # whole screen (large interface sizes need it); never narrower than 3/4 of it.
        width = max(round(available.width() * 0.75), 2 * sections + margins.left() * 2)
        width = min(width, round(available.width() * 0.95))
        height = max(self.sizeHint().height(), needed_height)
        self.resize(width, min(height, round(available.height() * 0.92)))
        # The preview keeps at least 40 % of the width; beyond that the sections scroll.
        panes = width - margins.left() - margins.right() - self._splitter.handleWidth()
        sections = min(sections, round(panes * 0.6))
        self._splitter.setSizes([sections, panes - sections])
