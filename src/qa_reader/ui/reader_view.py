"""The reading surface: a QTextBrowser that shows rendered HTML and nothing else.

- It never loads anything on behalf of the content (no images, no style sheets,
  no files): `loadResource` refuses every request.
- Links: in-page anchors scroll; http(s) links go to the system browser; anything
  else (file:, javascript:, data:, …) is refused and reported.
- Ctrl+wheel and pinch gestures ask for a size step instead of zooming the
  widget directly, so they go through the same path as the actions.
- A text size change keeps the paragraph at the top of the view at the top. Far down a
  long page that needs the whole text above it laid out again in the new size; that is
  done in slices from the event loop, with the old picture kept on screen meanwhile, so
  the window never freezes for it.
- Highlights (focus-mode dimming, find matches, the words being read aloud) are
  extra selections kept in named layers, so features never overwrite each other's.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QNativeGestureEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from ..render import RenderedPage
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
RELAYOUT_AT_ONCE_CHARS = 300_000
"""Text above the top paragraph that is laid out at once on a size change (about 50 ms);
beyond it the layout goes in slices (see `set_text_size`)."""
RELAYOUT_SLICE_CHARS = 120_000
"""Text laid out per slice: about 20 ms, so each pass of the event loop stays short."""
INCREMENTAL_PAGE_CHARS = 2_000_000
"""Pages with more HTML than this are built in runs (see `show_page`); smaller ones at once
(a 1 MB page takes about 0.1 s)."""
MARGINS_REFRESH_MS = 400
"""After the last size step, how long until the paragraph spacing is rendered for the new
size (rewriting it on every step would cost more than the step itself)."""
PAGE_RUN_CHARS = 150_000
"""HTML added per step while building a long page: about 20 ms."""


def scan_anchors(document: QTextDocument, block: QTextBlock, into: dict[str, int]) -> None:
    """Adds the position of every named anchor from `block` to the end of `document`."""
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for name in fragment.charFormat().anchorNames():
                into.setdefault(name, fragment.position())
            fragments += 1
        block = block.next()


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
    html_shown = Signal()
    """A new text replaced the old one (positions and highlights start afresh)."""
    loading_progress = Signal(int)
    """Percent of a long page built so far (see `show_page`); 100 when it is shown or was
    given up for another page."""
    margins_stale = Signal()
    """A moment after the last size step: the page's paragraph spacing was made for another
    size; the window renders it again (keeping the reader's place)."""
    relayout_finished = Signal()
    """A size change that was laid out in slices has reached the reader's place."""
    context_menu_opening = Signal(QMenu, int)
    """The context menu about to open, and the document position under the pointer; features
    add their entries to it."""

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
        # A place to return to once the text above it is laid out: (block, fraction, the
        # position laid out so far).
        self._pending_place: tuple[QTextBlock, float, int] | None = None
        self._resizing = False
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._relayout_slice)
        # Where each named anchor is (the renderer's question-1, answer-1-2, …): found once
        # per page, and for a long page run by run while it is built.
        self._anchors: dict[str, int] | None = None
        # A long page being built: the new document, the runs still to add, how many in all.
        self._building: tuple[QTextDocument, list[str], int, str, dict[str, int]] | None = None
        self._built_for_size = 0.0
        self._place_after_build: tuple[int, float] | None = None
        self._margins_timer = QTimer(self)
        self._margins_timer.setSingleShot(True)
        self._margins_timer.setInterval(MARGINS_REFRESH_MS)
        self._margins_timer.timeout.connect(self._on_margins_timer)
        self._build_timer = QTimer(self)
        self._build_timer.setSingleShot(True)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_step)

    # -- content ---------------------------------------------------------------------------

    def anchor_positions(self) -> dict[str, int]:
        """Text position of every named anchor of the page shown (a copy)."""
        if self._anchors is None:
            self._anchors = {}
            scan_anchors(self.document(), self.document().begin(), self._anchors)
        return dict(self._anchors)

    def show_page(self, page: RenderedPage, accessible_name: str) -> None:
        """Shows a rendered page: at once, or in steps when it is very long."""
        if page.size <= INCREMENTAL_PAGE_CHARS:
            self.show_html(page.html(), accessible_name)
            if page.text_size:
                self._margins_size = page.text_size
                if page.text_size != self.text_size():  # rendered for an earlier size
                    self._margins_timer.start()
            return
        self._stop_building()
        runs = page.chunks(PAGE_RUN_CHARS)
        document = QTextDocument(self)  # the view's own: resources are asked of the view
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        document.setDefaultStyleSheet(page.stylesheet)
        document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, page.title)
        self._building = (document, runs[::-1], len(runs), accessible_name, {})
        # What the page's pixel margins were made for.
        self._built_for_size = page.text_size or self.text_size()
        self.loading_progress.emit(0)
        self._build_timer.start()

    @property
    def loading(self) -> bool:
        """True while a long page is being built (the previous page is still shown)."""
        return self._building is not None

    def _build_step(self) -> None:
        if self._building is None:
            return
        document, remaining, total, accessible_name, anchors = self._building
        run = remaining.pop()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        first_new_block = cursor.blockNumber()
        if document.isEmpty():
            cursor.insertHtml(run)
        else:
            # Inserted HTML would merge its first block into the last one (as pasting
            # does); a new block with the run's own first format keeps the two apart.
            piece = QTextDocument()
            piece.setDefaultStyleSheet(document.defaultStyleSheet())
            piece.setDefaultFont(document.defaultFont())
            piece.setHtml(run)
            first = piece.begin()
            cursor.insertBlock(first.blockFormat(), first.charFormat())
            cursor.insertFragment(QTextDocumentFragment(piece))
        # The run's anchors now, a few milliseconds, rather than all at the end at once.
        scan_anchors(document, document.findBlockByNumber(first_new_block), anchors)
        if remaining:
            self.loading_progress.emit(round(100 * (total - len(remaining)) / total))
            self._build_timer.start()
            return
        # Still "loading" while the document is swapped in: listeners that measure the page
        # on a scroll change (the navigator) wait for the new page instead of laying it out.
        self._replace_document(document, accessible_name, anchors)
        self.loading_progress.emit(100)

    def _stop_building(self) -> None:
        self._build_timer.stop()
        if self._building is not None:
            self._building[0].deleteLater()
            self._building = None
            self.loading_progress.emit(100)

    def _replace_document(
        self, document: QTextDocument, accessible_name: str, anchors: dict[str, int]
    ) -> None:
        self._end_relayout()
        self._highlights.clear()
        self.setExtraSelections([])
        old = self.document()
        # Qt deletes a document of its own when it is replaced; one of ours (an earlier
        # long page) is deleted here.
        ours = old.parent() is self
        document.setDefaultFont(self.font())  # before it is shown: one layout, not two
        self.verticalScrollBar().setValue(0)  # the new page is laid out from its start
        self.setDocument(document)
        self._building = None
        self._anchors = anchors
        self._margins_size = self._built_for_size
        if self._margins_size != self.text_size():  # the size changed while it was built
            self._margins_timer.start()
        if ours:
            old.deleteLater()
        self.setAccessibleName(accessible_name)
        self._update_side_margins()
        self.html_shown.emit()
        place, self._place_after_build = self._place_after_build, None
        if place is not None:
            self.restore_reading_position(place)

    def show_html(self, html: str, accessible_name: str) -> None:
        self._stop_building()
        self._end_relayout()
        # Highlights point into the old document's text; they mean nothing in the new one.
        self._highlights.clear()
        self.setExtraSelections([])
        self.setHtml(html)
        self._anchors = None
        self._margins_size = self.text_size()
        self.setAccessibleName(accessible_name)
        self._update_side_margins()
        self.html_shown.emit()

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
        block: QTextBlock | None
        if self._pending_place is not None:
            # Still on the way back from the last change: aim for the same place.
            block, fraction, _reached = self._pending_place
        else:
            block, fraction = self._top_block()
        self._end_relayout()
        # Only the font changes now: one relayout, no edit of the page. The spacing between
        # paragraphs (pixels, see `_scale_block_margins`) follows once the reader stops.
        self._resizing = True  # scroll changes meanwhile are not the reader's (see below)
        try:
            self._set_font(self.font(), points, scale_margins=False)
        finally:
            self._resizing = False
        self._margins_timer.start()
        self._update_side_margins()
        if block is not None:
            self._go_to_place(block, fraction)

    def _go_to_place(self, block: QTextBlock, fraction: float) -> None:
        """Scrolls `block` (and `fraction` of it) to the top; far down a long page the text
        above is laid out in slices first (see `relayout_pending`)."""
        if block.position() <= RELAYOUT_AT_ONCE_CHARS:
            self._scroll_to(block, fraction)
            return
        self._pending_place = (block, fraction, 0)
        self.viewport().setUpdatesEnabled(False)  # no picture of the page's start meanwhile
        self._relayout_timer.start()

    def _on_margins_timer(self) -> None:
        if self._margins_size and self._margins_size != self.text_size():
            self.margins_stale.emit()

    @property
    def settling(self) -> bool:
        """True while the view still has work queued from the last change: a long page being
        built, a size change being laid out up to the reader's place, or the spacing waiting
        to be rendered for a new size."""
        return self.loading or self.relayout_pending or self._margins_timer.isActive()

    @property
    def relayout_pending(self) -> bool:
        """True while a size change is still being laid out up to the reader's place (or is
        being applied): the scroll position then says nothing about where the reader is, and
        measuring the page there would lay it out in one go."""
        return self._pending_place is not None or self._resizing

    def _relayout_slice(self) -> None:
        if self._pending_place is None:
            return
        block, fraction, reached = self._pending_place
        reached = min(block.position(), reached + RELAYOUT_SLICE_CHARS)
        # Asking for a block's rectangle lays the text out up to that block.
        document = self.document()
        document.documentLayout().blockBoundingRect(document.findBlock(reached))
        if reached < block.position():
            self._pending_place = (block, fraction, reached)
            self._relayout_timer.start()
            return
        self._scroll_to(block, fraction)
        self._end_relayout()
        self.relayout_finished.emit()

    def _end_relayout(self) -> None:
        self._relayout_timer.stop()
        if self._pending_place is not None:
            self._pending_place = None
            self.viewport().setUpdatesEnabled(True)
            self.viewport().update()

    def _scroll_to(self, block: QTextBlock, fraction: float) -> None:
        rect = self.document().documentLayout().blockBoundingRect(block)
        value = round(rect.top() + fraction * rect.height())
        bar = self.verticalScrollBar()
        # QTextEdit updates the scroll range only later from the event loop; until then it
        # is the range of the part laid out so far, and setValue() would be clamped to it
        # (a long page jumped back to its start). The page is at least this long; asking
        # the layout for its full size instead would lay out all of it (0.5 s at 10 MB).
        bar.setRange(0, max(bar.maximum(), value))
        bar.setValue(value)

    def set_typeface(self, font: QFont, letter_spacing_em: float, word_spacing_em: float) -> None:
        """Family and weight from `font` (its size is ignored), spacing in em of the text size.

        Applied as the document's default font, like the size, so nothing is re-parsed.
        """
        self._letter_spacing_em = letter_spacing_em
        self._word_spacing_em = word_spacing_em
        self._set_font(font, self.text_size())
        self._update_side_margins()

    def _set_font(self, font: QFont, points: float, scale_margins: bool = True) -> None:
        font = with_size_and_spacing(
            font, points, self.logicalDpiY() / 72, self._letter_spacing_em, self._word_spacing_em
        )
        if scale_margins:
            # Margins first: the font change then lays the document out once.
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
        if self._pending_place is not None:  # still on the way there after a size change
            target, share, _reached = self._pending_place
            return target.blockNumber(), share
        block, fraction = self._top_block()
        return (block.blockNumber() if block is not None else -1), fraction

    def restore_reading_position(self, position: tuple[int, float]) -> None:
        """Scrolls a newly shown page so the paragraph of `reading_position()` is at the top."""
        if self._building is not None:
            self._place_after_build = position  # the page is shown when it is complete
            return
        number, fraction = position
        block = self.document().findBlockByNumber(number)
        if number < 0 or not block.isValid():
            return
        self._end_relayout()
        self._go_to_place(block, fraction)

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

    # -- reading place across a reload -------------------------------------------------------

    def reading_place(self) -> tuple[int, float] | None:
        """Where the reader is: the number of the top paragraph and how far into it the view
        is scrolled (0–1); None at the very top. Survives replacing the text by a version
        with other words in its paragraphs (a text position would drift)."""
        block, fraction = self._top_block()
        return None if block is None else (block.blockNumber(), fraction)

    def go_to_reading_place(self, place: tuple[int, float] | None) -> None:
        """Scrolls back to a `reading_place()` after the text was replaced by a new version."""
        if place is None:
            return
        number, fraction = place
        document = self.document()
        number = min(max(number, 0), document.blockCount() - 1)
        self._scroll_to(document.findBlockByNumber(number), fraction)

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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        menu = self.createStandardContextMenu(event.pos())
        position = self.cursorForPosition(event.pos()).position()
        self.context_menu_opening.emit(menu, position)
        menu.exec(event.globalPos())
        menu.deleteLater()

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
