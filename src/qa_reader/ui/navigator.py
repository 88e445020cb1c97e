"""Moving through a shown document by its structure: the question, the answers, the disclaimer.

The stops come from `outline.outline(document)`; here they are found in the view's text
by the anchors the renderer put at each heading. A move scrolls the stop's heading to
the top of the view and puts the keyboard caret there, so screen readers read on from
it. When the reader scrolls, the current stop follows the heading nearest the top.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtGui import QTextCursor

from ..document import Document
from ..outline import OutlineLabels, Stop, outline, position_text
from .reader_view import ReaderView

FOLLOW_LINE = 1 / 3
"""A stop becomes current once its heading passes this fraction of the view's height."""
HEADING_BREATHING_SPACE = 8  # px kept above a heading moved to the top


def translated_outline_labels() -> OutlineLabels:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Outline", text)

    return OutlineLabels(
        question=tr("Question"),
        question_of=tr("Question {number} of {count}"),
        answer_of=tr("Answer {number} of {count}"),
        question_answer_of=tr("Question {question} of {questions}, answer {number} of {count}"),
        disclaimer=tr("Medical disclaimer"),
        question_item=tr("Question: {title}"),
        numbered_question_item=tr("Question {number}: {title}"),
        answer_item=tr("Answer {number}"),
        answer_item_by=tr("Answer {number} \u2014 {author}"),
        untitled_question=tr("Untitled question"),
    )


class Navigator(QObject):
    current_changed = Signal(int)
    """The index of the new current stop (-1 when the document has none)."""

    def __init__(self, view: ReaderView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.labels = translated_outline_labels()
        self._stops: tuple[Stop, ...] = ()
        self._positions: list[int] = []
        self._current: int | None = None
        self._moving = False
        view.verticalScrollBar().valueChanged.connect(self._follow_scrolling)
        view.relayout_finished.connect(
            lambda: self._follow_scrolling(view.verticalScrollBar().value())
        )

    # -- the document ----------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Finds the stops of the document the view has just shown."""
        stops = outline(document) if document is not None else ()
        found = self._view.anchor_positions()
        # A stop whose anchor the renderer did not write cannot be reached; leave it out.
        self._stops = tuple(stop for stop in stops if stop.anchor in found)
        self._positions = [found[stop.anchor] for stop in self._stops]
        self._current = None
        self._set_current(0 if self._stops else None)

    @property
    def stops(self) -> tuple[Stop, ...]:
        return self._stops

    @property
    def current(self) -> int | None:
        return self._current

    def current_stop(self) -> Stop | None:
        return self._stops[self._current] if self._current is not None else None

    def position_text(self) -> str:
        stop = self.current_stop()
        return position_text(stop, self.labels) if stop is not None else ""

    def stop_range(self, index: int) -> tuple[int, int]:
        """First and one-past-last text position of stop `index`."""
        start = self._positions[index]
        if index + 1 < len(self._positions):
            end = self._positions[index + 1]
        else:
            end = self._view.document().characterCount() - 1
        return start, end

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        """Brings stop `index` to the top of the view with the caret on its heading."""
        position = self._positions[index]
        view = self._view
        self._moving = True
        try:
            cursor = QTextCursor(view.document())
            cursor.setPosition(position)
            view.setTextCursor(cursor)
            block = view.document().findBlock(position)
            top = view.document().documentLayout().blockBoundingRect(block).top()
            if block == view.document().firstBlock():
                top = 0  # the page's own top margin stays in view
            view.verticalScrollBar().setValue(max(0, round(top) - HEADING_BREATHING_SPACE))
        finally:
            self._moving = False
        self._set_current(index)

    def _set_current(self, index: int | None) -> None:
        if index == self._current:
            return
        self._current = index
        self.current_changed.emit(-1 if index is None else index)

    def _follow_scrolling(self, value: int) -> None:
        if self._moving or not self._stops or self._view.relayout_pending or self._view.loading:
            return  # (after a size change far down a page: once it is laid out again)
        view = self._view
        scroll_bar = view.verticalScrollBar()
        height = view.viewport().height()
        # At the very end the last headings may never reach the line: take what is shown.
        at_end = value >= scroll_bar.maximum() > 0
        line = height - 1 if at_end else round(height * FOLLOW_LINE)
        # The text under the line, found in the part that is on screen (already laid out);
        # the current stop is the last heading before it. Measuring headings instead would
        # lay out the page down to them: seconds on a page with thousands of answers.
        # (The middle of the column: at the far left a hit test misses the disclaimer box.)
        position = view.cursorForPosition(QPoint(view.viewport().width() // 2, line)).position()
        current = max(bisect_right(self._positions, position) - 1, 0)
        self._set_current(current)
