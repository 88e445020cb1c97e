"""The find bar: a search field under the page that highlights every match.

Matches are found in the document's plain text (positions in it are the document's
own text positions), so counting stays fast on long pages. Every match is tinted, the
current one more strongly; only the matches nearest the current one are tinted when
there are very many, which keeps painting cheap. Searching starts at the reading
position, wraps at either end and says so.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from .announce import announce, name_changed
from .highlight_colours import highlight_colours
from .reader_view import HighlightLayer, ReaderView

MAX_HIGHLIGHTED = 1000
"""Matches tinted at once (around the current one); every match is still counted."""


class FindBar(QWidget):
    wrapped = Signal(str)
    """A sentence saying the search went round the end of the page."""

    def __init__(
        self, view: ReaderView, previous: QAction, following: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setAccessibleName(self.tr("Find in page"))
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current: int | None = None
        self._origin = 0
        self._plain_text: str | None = None

        label = QLabel(self.tr("Find:"), self)
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(self.tr("Words to find"))
        self.field.setAccessibleName(self.tr("Find in page"))
        self.field.setAccessibleDescription(
            self.tr("Type words to find on the page. Enter finds the next match, "
                    "Shift+Enter the previous one, Escape closes the find bar.")
        )
        label.setBuddy(self.field)
        self.previous_button = self._action_button(previous, "find_previous_button")
        self.next_button = self._action_button(following, "find_next_button")
        self.match_case = QCheckBox(self.tr("Match case"), self)
        self.match_case.setObjectName("find_match_case")
        self.match_case.setAccessibleDescription(
            self.tr("Find only words with the same capital and small letters")
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("find_close_button")
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(label)
        layout.addWidget(self.field, stretch=1)
        for widget in (self.previous_button, self.next_button, self.match_case,
                       self.count_label, self.close_button):
            layout.addWidget(widget)

        self.field.textChanged.connect(self._search_from_origin)
        self.field.installEventFilter(self)
        self.match_case.toggled.connect(self._search_from_origin)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def _action_button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setAccessibleName(action.iconText())
        button.setAccessibleDescription(action.statusTip())
        return button

    # -- opening and closing ---------------------------------------------------------------

    def open_bar(self) -> None:
        """Shows the bar with the field focused; a short selection on the page is searched for."""
        selected = self._view.textCursor().selectedText()
        self._origin = self._view.textCursor().selectionStart()
        if selected and len(selected) <= 200 and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search_from_origin()

    def close_bar(self) -> None:
        """Hides the bar; the caret stays on the current match, selected, on the page."""
        if self._current is not None:
            start, end = self._matches[self._current]
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self._view.setTextCursor(cursor)
        self._view.set_highlights(HighlightLayer.FIND_MATCHES, [])
        self._view.set_highlights(HighlightLayer.FIND_CURRENT, [])
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state -----------------------------------------------------------------------------

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int | None:
        """Index of the current match (0-based), or None."""
        return self._current

    def count_text(self) -> str:
        return self.count_label.text()

    # -- searching -------------------------------------------------------------------------

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            caret = self._view.textCursor()
            on_match = (caret.selectionStart(), caret.selectionEnd())
            self.open_bar()
            if direction > 0 and self._current is not None \
                    and self._matches[self._current] != on_match:
                return  # opening went to the first match after the caret: that is "next"
        if not self._matches:
            return
        if self._current is None:
            self._current = 0
        else:
            index = self._current + direction
            if index >= len(self._matches):
                index = 0
                self._say_wrapped(self.tr("Search wrapped to the top"))
            elif index < 0:
                index = len(self._matches) - 1
                self._say_wrapped(self.tr("Search wrapped to the bottom"))
            self._current = index
        self._origin = self._matches[self._current][0]
        self._show_current(move_caret=True)

    def _say_wrapped(self, message: str) -> None:
        self.wrapped.emit(message)
        announce(self, message)

    def refresh(self) -> None:
        """Counts again after the page's text was replaced; does not move the view."""
        self._plain_text = None
        if not self.isVisible():
            self._matches = []
            self._current = None
            self._origin = 0
            return
        self._origin = min(self._origin, self._view.document().characterCount() - 1)
        self._search(self._origin, move_caret=False)

    def _search_from_origin(self) -> None:
        self._search(self._origin, move_caret=True)

    def _search(self, origin: int, move_caret: bool) -> None:
        needle = self.field.text()
        if self._plain_text is None:
            self._plain_text = self._view.document().toPlainText()
        self._matches = []
        self._current = None
        if needle:
            flags = 0 if self.match_case.isChecked() else re.IGNORECASE
            pattern = re.compile(re.escape(needle), flags)
            self._matches = [(m.start(), m.end()) for m in pattern.finditer(self._plain_text)]
        if self._matches:
            following = [i for i, (start, _) in enumerate(self._matches) if start >= origin]
            self._current = following[0] if following else 0
        self._show_current(move_caret=move_caret)

    def _show_current(self, move_caret: bool) -> None:
        self._paint_matches()
        if self._current is not None and move_caret:
            # The caret (not a selection) goes to the match: the view scrolls to it and
            # screen readers follow, while the tint stays in the theme's colours.
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(self._matches[self._current][0])
            self._view.setTextCursor(cursor)
        self._update_count()

    def _paint_matches(self) -> None:
        colours = highlight_colours()
        everyone = QTextCharFormat()
        everyone.setBackground(colours.match_background)
        everyone.setForeground(colours.match_text)
        current = QTextCharFormat()
        current.setBackground(colours.current_background)
        current.setForeground(colours.current_text)
        centre = self._current or 0
        first = max(0, centre - MAX_HIGHLIGHTED // 2)
        shown = self._matches[first:first + MAX_HIGHLIGHTED]
        self._view.set_highlights(
            HighlightLayer.FIND_MATCHES, [self._selection(span, everyone) for span in shown]
        )
        chosen = [] if self._current is None else [
            self._selection(self._matches[self._current], current)
        ]
        self._view.set_highlights(HighlightLayer.FIND_CURRENT, chosen)

    def _selection(self, span: tuple[int, int], char_format: QTextCharFormat
                   ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = char_format
        return selection

    def _update_count(self) -> None:
        if not self.field.text():
            text = ""
        elif self._current is None:
            text = self.tr("No matches")
        else:
            text = self.tr("{number} of {count}").format(
                number=self._current + 1, count=len(self._matches)
            )
        if text != self.count_label.text():
            self.count_label.setText(text)  # a label's text is its accessible name
            name_changed(self.count_label)
            announce(self, text)

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)
