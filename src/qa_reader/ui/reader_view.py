"""The reading surface: a QTextBrowser that shows rendered HTML and nothing else.

- It never loads anything on behalf of the content (no images, no style sheets,
  no files): `loadResource` refuses every request.
- Links: in-page anchors scroll; http(s) links go to the system browser; anything
  else (file:, javascript:, data:, …) is refused and reported.
- Ctrl+wheel and pinch gestures ask for a size step instead of zooming the
  widget directly, so they go through the same path as the actions.
- A text size change keeps the paragraph at the top of the view at the top.
- Highlights (focus-mode dimming, find matches, the words being read aloud) are
  extra selections kept in named layers, so features never overwrite each other's.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QNativeGestureEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from .fonts import with_size_and_spacing

log = logging.getLogger(__name__)

WHEEL_STEP = 120  # angleDelta units of one notch of a classic mouse wheel
PINCH_STEP = 0.25  # accumulated pinch scale that counts as one size step
MIN_SIDE_MARGIN = 16  # px
LINE_LENGTH_SAMPLE = (
    "Take the tablets with food, drink plenty of water, and see your doctor if the fever "
    "lasts more than three days or you feel worse."
)
"""Ordinary running text, to measure how wide a line of N characters is."""


class HighlightLayer(enum.IntEnum):
    """Kinds of highlight, in painting order: a later layer is drawn over an earlier one."""

    FOCUS_DIM = 10
    FIND_MATCHES = 20
    FIND_CURRENT = 30
    SPEECH_SENTENCE = 40
    SPEECH_WORD = 50


class ReaderView(QTextBrowser):
    size_step_requested = Signal(int)
    """+1 for larger, -1 for smaller; emitted for Ctrl+wheel and pinch gestures."""

    link_refused = Signal(QUrl)
    external_link_opened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader_view")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # A keyboard caret lets keyboard and screen-reader users move line by line,
        # select and copy; a plain read-only browser only offers "read everything".
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Q&A document"))
        self.setAccessibleDescription(self.tr("The question and the doctors' answers"))
        # Tab leaves the page for the toolbar instead of moving between links only.
        self.setTabChangesFocus(True)
        self.anchorClicked.connect(self._follow_link)
        self._wheel_accumulator = 0
        self._pinch_accumulator = 0.0
        self._max_line_chars: int | None = None
        self._advance_cache: tuple[object, float] = (None, 0.0)
        self._letter_spacing_em = 0.0
        self._word_spacing_em = 0.0
        self._margins_size = 0.0  # the text size the document's block margins were made for
        # Scaling margins on a size step edits the document; that is no undoable change.
        self.document().setUndoRedoEnabled(False)
        self._highlights: dict[HighlightLayer, list[QTextEdit.ExtraSelection]] = {}

    # -- content ---------------------------------------------------------------------------

    def show_html(self, html: str, accessible_name: str) -> None:
        # Highlights point into the old document's text; they mean nothing in the new one.
        self._highlights.clear()
        self.setExtraSelections([])
        self.setHtml(html)
        self._margins_size = self.text_size()
        self.setAccessibleName(accessible_name)
        self._update_side_margins()

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:  # noqa: N802 (Qt API)
        log.info("refused to load a resource for the document: %s", QUrl(url).toDisplayString())
        return None

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        elif url.scheme().lower() in ("http", "https") and url.host():
            QDesktopServices.openUrl(url)
            self.external_link_opened.emit(url)
        else:
            log.warning("refused to open link %s", url.toDisplayString())
            self.link_refused.emit(url)

    # -- highlights ------------------------------------------------------------------------

    def set_highlights(
        self, layer: HighlightLayer, selections: Sequence[QTextEdit.ExtraSelection]
    ) -> None:
        """Replaces one layer's highlights (an empty sequence clears the layer)."""
        if selections:
            self._highlights[layer] = list(selections)
        elif self._highlights.pop(layer, None) is None:
            return
        merged: list[QTextEdit.ExtraSelection] = []
        for kind in sorted(self._highlights):
            merged.extend(self._highlights[kind])
        self.setExtraSelections(merged)

    def highlights(self, layer: HighlightLayer) -> list[QTextEdit.ExtraSelection]:
        return list(self._highlights.get(layer, ()))

    # -- text size -------------------------------------------------------------------------

    def text_size(self) -> float:
        return self.font().pointSizeF()

    def set_text_size(self, points: int) -> None:
        """Applies a new size, keeping the paragraph at the top of the view at the top."""
        if self.font().pointSizeF() == points:
            return
        block, fraction = self._top_block()
        self._set_font(self.font(), points)
        self._update_side_margins()
        if block is not None:
            rect = self.document().documentLayout().blockBoundingRect(block)
            self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()))

    def set_typeface(self, font: QFont, letter_spacing_em: float, word_spacing_em: float) -> None:
        """Family and weight from `font` (its size is ignored), spacing in em of the text size.

        Applied as the document's default font, like the size, so nothing is re-parsed.
        """
        self._letter_spacing_em = letter_spacing_em
        self._word_spacing_em = word_spacing_em
        self._set_font(font, self.text_size())
        self._update_side_margins()

    def _set_font(self, font: QFont, points: float) -> None:
        font = with_size_and_spacing(
            font, points, self.logicalDpiY() / 72, self._letter_spacing_em, self._word_spacing_em
        )
        # Margins first: the font change then lays the document out once, as before.
        self._scale_block_margins(points)
        self.setFont(font)  # becomes the document's default font; all sizes are relative

    def _scale_block_margins(self, points: float) -> None:
        """Keeps paragraph and heading spacing in proportion to the text size.

        Qt's rich text has no margins relative to the font, so the renderer writes pixels
        for one size and this scales them: no re-parse, one relayout with the font change.
        """
        old = self._margins_size
        self._margins_size = points
        if old <= 0 or old == points or self.document().isEmpty():
            return
        factor = points / old
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().firstBlock()
        while block.isValid():
            block_format = block.blockFormat()
            top, bottom = block_format.topMargin(), block_format.bottomMargin()
            if top or bottom:
                block_format.setTopMargin(top * factor)
                block_format.setBottomMargin(bottom * factor)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(block_format)
            block = block.next()
        cursor.endEditBlock()

    def reading_position(self) -> tuple[int, float]:
        """Which paragraph is at the top of the view (block number, share scrolled past)."""
        block, fraction = self._top_block()
        return (block.blockNumber() if block is not None else -1), fraction

    def restore_reading_position(self, position: tuple[int, float]) -> None:
        """Scrolls a newly shown page so the paragraph of `reading_position()` is at the top."""
        number, fraction = position
        block = self.document().findBlockByNumber(number)
        if number < 0 or not block.isValid():
            return
        rect = self.document().documentLayout().blockBoundingRect(block)
        self.verticalScrollBar().setValue(round(rect.top() + fraction * rect.height()))

    def _top_block(self) -> tuple[QTextBlock | None, float]:
        scroll = self.verticalScrollBar().value()
        if scroll <= 0:
            return None, 0.0
        layout = self.document().documentLayout()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        rect = layout.blockBoundingRect(block)
        if rect.top() > scroll + rect.height():
            # While Qt is still laying the page out in the background its first hit test
            # can answer "the end of the document"; asked again, it knows.
            block = self.cursorForPosition(QPoint(0, 0)).block()
            rect = layout.blockBoundingRect(block)
        height = rect.height() or 1.0
        fraction = min(max((scroll - rect.top()) / height, 0.0), 1.0)
        return block, fraction

    # -- line length -----------------------------------------------------------------------

    def set_max_line_chars(self, chars: int | None) -> None:
        self._max_line_chars = chars
        self._update_side_margins()

    def _update_side_margins(self) -> None:
        """Centres a column of at most `max_line_chars` characters: long lines tire the eye."""
        width = self.viewport().width()
        margin = MIN_SIDE_MARGIN
        if self._max_line_chars:
            column = round(self._average_advance() * self._max_line_chars)
            margin = max(MIN_SIDE_MARGIN, (width - column) // 2)
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        if frame_format.leftMargin() == margin and frame_format.rightMargin() == margin:
            return
        frame_format.setLeftMargin(margin)
        frame_format.setRightMargin(margin)
        frame_format.setTopMargin(MIN_SIDE_MARGIN)
        frame_format.setBottomMargin(MIN_SIDE_MARGIN * 2)
        root.setFrameFormat(frame_format)

    def _average_advance(self) -> float:
        """Width of an average character of running text, spaces and spacing included.

        The font's own average (its widest letters weigh in) overstates running text by
        a third; a real sentence gives a column that holds the promised characters.
        """
        font = self.font()
        key = (font.key(), font.letterSpacing(), font.wordSpacing())
        if self._advance_cache[0] != key:
            width = QFontMetricsF(font).horizontalAdvance(LINE_LENGTH_SAMPLE)
            self._advance_cache = (key, width / len(LINE_LENGTH_SAMPLE))
        return self._advance_cache[1]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._update_side_margins()

    # -- input -----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_accumulator += event.angleDelta().y()
        while abs(self._wheel_accumulator) >= WHEEL_STEP:
            step = 1 if self._wheel_accumulator > 0 else -1
            self._wheel_accumulator -= step * WHEEL_STEP
            self.size_step_requested.emit(step)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._pinch_accumulator += event.value()
                while abs(self._pinch_accumulator) >= PINCH_STEP:
                    step = 1 if self._pinch_accumulator > 0 else -1
                    self._pinch_accumulator -= step * PINCH_STEP
                    self.size_step_requested.emit(step)
                event.accept()
                return True
        return super().event(event)
