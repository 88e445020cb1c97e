"""Paged output (PDF and printers) that keeps the reader's size, font, spacing and colours.

The page is laid out by the same engine as the reader view: a QTextDocument given the
renderer's HTML and the reading font as its default font, so what is printed is what was
read. The document is paginated for the paint device (a QPdfWriter or a QPrinter), then:

- a heading is never left at the foot of a page: a run of headings ("Doctors' answers",
  "Answer 2 of 4") moves to the next page with the first lines of the text under it;
- Qt never splits a line of text between pages;
- each page gets a header (the document's title) and a footer ("Page 2 of 5") in the
  reading font, and wide margins for large print.

Needs a QGuiApplication (fonts); QtPrintSupport is not imported here, so exporting a PDF
does not load it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from .. import APP_NAME
from ..document import Document
from ..style import ReadingStyle
from ..ui.fonts import document_font, load_bundled_fonts, typeface
from .options import (
    ColourMode,
    ExportLabels,
    ExportOptions,
    PageSize,
    render_for_export,
    style_for_output,
    write_output,
)

__all__ = ["PagedResult", "export_pdf", "page_size_id", "paint_pages", "pdf_bytes"]

HEADER_MIN_PT = 12.0
HEADER_MAX_PT = 24.0
HEADER_SCALE = 0.6
"""Header and footer text relative to the reading size: readable, yet clearly not body text."""
LINES_KEPT_WITH_HEADING = 2
SHORT_BLOCK_LINES = 3
"""Paragraphs this short (an author's line, a note) are never split over two pages."""
PDF_RESOLUTION = 1200

_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}


def page_size_id(page_size: PageSize) -> QPageSize.PageSizeId:
    return _PAGE_SIZES[page_size]


@dataclass(frozen=True)
class PagedResult:
    pages: int
    font_family: str
    """The family Qt actually used for the text (differs from the chosen one if missing)."""


def reading_font(style: ReadingStyle) -> QFont:
    """The text's default font, exactly as the reader view sets it (family, size, weight,
    letter and word spacing). Spacing is given in screen pixels: Qt scales it to the
    device the text is laid out for, as it does the style sheet's pixels."""
    return document_font(style, _screen_dpi() / 72)


def _screen_dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def _average_advance(style: ReadingStyle, device: QPagedPaintDevice) -> float:
    """Width of an average character of running text on `device`, measured as the reader
    view measures it, so a printed line holds as many characters as a line on screen."""
    from ..ui.reader_view import LINE_LENGTH_SAMPLE  # the view's own sample sentence

    width = QFontMetricsF(reading_font(style), device).horizontalAdvance(LINE_LENGTH_SAMPLE)
    return width / len(LINE_LENGTH_SAMPLE)


def _header_font(style: ReadingStyle) -> QFont:
    font = typeface(style.font_family, bold=False)
    font.setPointSizeF(min(HEADER_MAX_PT, max(HEADER_MIN_PT, style.text_size * HEADER_SCALE)))
    return font


def _build_text_document(
    document: Document, style: ReadingStyle, options: ExportOptions, labels: ExportLabels,
    device: QPagedPaintDevice,
) -> QTextDocument:
    text_document = QTextDocument()
    # Sizes in points and CSS pixels are converted for the device's resolution.
    text_document.documentLayout().setPaintDevice(device)
    text_document.setDefaultFont(reading_font(style))
    # CSS pixels are screen pixels here: Qt scales them to the device as it lays out.
    pixels_per_point = _screen_dpi() / 72
    text_document.setHtml(render_for_export(document, style, options, labels, pixels_per_point))
    root = text_document.rootFrame()
    frame_format = root.frameFormat()
    frame_format.setMargin(0)  # the page margins are drawn around the text instead
    root.setFrameFormat(frame_format)
    if options.colours is ColourMode.PRINT:
        _clear_box_backgrounds(text_document)
    return text_document


def _clear_box_backgrounds(text_document: QTextDocument) -> None:
    """White paper: boxed sections (the disclaimer) keep their border but lose their tint.

    Saves ink, and Qt fills a box's whole frame, margins included, so where a box goes
    on over a page break its tint would show outside the border.
    """
    for frame in text_document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            table_format = frame.format()
            table_format.clearBackground()
            frame.setFormat(table_format)


def _line_top(text_document: QTextDocument, block: QTextBlock, line_index: int) -> float:
    rect = text_document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if layout.lineCount() == 0:
        return rect.top()
    return rect.top() + layout.lineAt(line_index).y()


def _lines_bottom(text_document: QTextDocument, block: QTextBlock, lines: int) -> float:
    rect = text_document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if layout.lineCount() == 0:
        return rect.bottom()
    line = layout.lineAt(min(lines, layout.lineCount()) - 1)
    return rect.top() + line.y() + line.height()


def _is_heading(block: QTextBlock) -> bool:
    return block.isValid() and block.blockFormat().headingLevel() > 0


def _has_text(block: QTextBlock) -> bool:
    return bool(block.text().strip())


def _page_of(y: float, page_height: float) -> int:
    return math.floor(y / page_height)


def fit_long_words_in_headings(
    text_document: QTextDocument, style: ReadingStyle, width: float, device: QPagedPaintDevice
) -> None:
    """Makes a heading smaller (never below the reading size) when one of its words would
    not fit on a line: a big heading broken inside a word ("ibuprofe-n") is hard to read.
    On a narrow page at 48 pt a title in twice that size often has such words."""
    body_line = QFontMetricsF(reading_font(style), device).height()
    block = text_document.begin()
    while block.isValid():
        if _is_heading(block) and block.layout().lineCount() and block.text().split():
            scale = block.layout().lineAt(0).height() / body_line
            font = reading_font(style)
            font.setBold(True)
            font.setPointSizeF(style.text_size * scale)
            metrics = QFontMetricsF(font, device)
            widest = max(metrics.horizontalAdvance(word) for word in block.text().split())
            if widest > width and scale > 1:
                points = max(float(style.text_size), font.pointSizeF() * width / widest * 0.97)
                _set_point_size(text_document, block, points)
        block = block.next()


def _set_point_size(text_document: QTextDocument, block: QTextBlock, points: float) -> None:
    # Heading sizes are relative steps (a size adjustment); an explicit size counts only
    # once the step is gone, so each piece of the heading gets its format rewritten.
    pieces = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        pieces.append((fragment.position(), fragment.length(), fragment.charFormat()))
        iterator += 1
    for position, length, char_format in pieces:
        char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        char_format.setFontPointSize(points)
        cursor = QTextCursor(text_document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char_format)


def _table_of(block: QTextBlock) -> QTextTable | None:
    # PySide's stubs say currentTable() never returns None; it does outside a table.
    table: QTextTable | None = QTextCursor(block).currentTable()
    return table


def _set_page_break(block: QTextBlock, before: bool) -> None:
    """Makes `block` start a new page (or no longer)."""
    policy = (QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if before
              else QTextFormat.PageBreakFlag.PageBreak_Auto)
    table = _table_of(block)
    if table is not None:
        # A heading inside a boxed section (the disclaimer) takes the whole box along.
        table_format = table.format()
        table_format.setPageBreakPolicy(policy)
        table.setFormat(table_format)
        return
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(policy)
    QTextCursor(block).setBlockFormat(block_format)


def _starts_its_page(text_document: QTextDocument, block: QTextBlock, page: int) -> bool:
    before = block.previous()
    if not before.isValid():
        return True
    before_bottom = _lines_bottom(text_document, before, before.layout().lineCount() or 1)
    return _page_of(before_bottom - 1, text_document.pageSize().height()) != page


@dataclass(frozen=True)
class _Group:
    """Blocks that belong on one page: a run of headings with the first lines of their
    text, or a short paragraph, or the first lines of a long one."""

    first: QTextBlock
    last: QTextBlock
    lines: int
    """How many lines of `last` belong with `first`."""
    last_heading: QTextBlock | None = None
    """For a run of headings: the one right above the text."""

    def starting_at(self, block: QTextBlock) -> _Group:
        return _Group(block, self.last, self.lines, self.last_heading)

    def with_lines(self, lines: int) -> _Group:
        return _Group(self.first, self.last, lines, self.last_heading)


def _fits_on_one_page(text_document: QTextDocument, group: _Group) -> bool:
    page_height = text_document.pageSize().height()
    start = _page_of(_line_top(text_document, group.first, 0), page_height)
    end = _lines_bottom(text_document, group.last, group.lines)
    return _page_of(end - 1, page_height) == start


def _group_to_fix(text_document: QTextDocument, settled: set[int]) -> _Group | None:
    """The first group (not yet dealt with) that is split over two pages."""
    block = text_document.begin()
    while block.isValid():
        first = block
        if _is_heading(first) and not _is_heading(first.previous()):
            last = first.next()
            while last.isValid() and (_is_heading(last) or not _has_text(last)):
                last = last.next()
            block = last
            if not last.isValid():
                continue
            last_heading = last.previous()
            while last_heading.isValid() and not _is_heading(last_heading):
                last_heading = last_heading.previous()
            group = _Group(first, last, LINES_KEPT_WITH_HEADING, last_heading)
        elif _has_text(first) and _table_of(first) is None and not _is_heading(first.previous()):
            # A short paragraph stays whole; a longer one never leaves its first line
            # alone at the foot of a page. (Text under a heading goes with the heading; in
            # the disclaimer box only its heading moves.)
            count = first.layout().lineCount()
            group = _Group(first, first, count if count <= SHORT_BLOCK_LINES else 2)
            block = first.next()
        else:
            block = first.next()
            continue
        if first.blockNumber() not in settled and not _fits_on_one_page(text_document, group):
            return group
    return None


def _lay_out_again(text_document: QTextDocument, block: QTextBlock | None = None) -> None:
    """Lays the document out again from `block` (from the start if None) to the end.

    A page break changes every later position; Qt relayouts a changed document only
    partly, so everything after the change is laid out again before positions are read.
    """
    start = block.position() if block is not None else 0
    text_document.markContentsDirty(start, text_document.characterCount() - start)
    text_document.documentLayout().documentSize()


def _try_page_break(text_document: QTextDocument, block: QTextBlock,
                    groups: tuple[_Group, ...]) -> bool:
    """Starts a page at `block` if one of `groups` then fits on a page; else changes nothing."""
    page = _page_of(_line_top(text_document, block, 0), text_document.pageSize().height())
    if _starts_its_page(text_document, block, page):
        return False  # a page break would only leave an empty page behind
    _set_page_break(block, True)
    _lay_out_again(text_document, block)
    if any(_fits_on_one_page(text_document, group) for group in groups):
        return True
    _set_page_break(block, False)
    _lay_out_again(text_document, block)
    return False


def keep_headings_with_text(text_document: QTextDocument) -> int:
    """Starts new pages so that no heading ends a page apart from its text, no short
    paragraph is split, and no paragraph leaves one line behind; returns the page breaks.

    When a run of headings and the text's first two lines cannot share a page even from
    its top (large text, several heading levels), one line will do; failing that, the
    heading right above the text ("Answer 1 of 3") moves on alone.
    """
    settled: set[int] = set()
    breaks = 0
    _lay_out_again(text_document)
    while True:
        group = _group_to_fix(text_document, settled)
        if group is None:
            return breaks
        settled.add(group.first.blockNumber())
        options = (group, group.with_lines(1)) if group.last_heading is not None else (group,)
        if _try_page_break(text_document, group.first, options):
            breaks += 1
            continue
        heading = group.last_heading
        if heading is None or heading.blockNumber() == group.first.blockNumber():
            continue
        if any(_fits_on_one_page(text_document, option) for option in options[1:]):
            continue  # the run already shares its page with the text's first line
        if _try_page_break(text_document, heading, (group.starting_at(heading),)):
            breaks += 1


@dataclass
class _PagePlan:
    clip: QRectF
    """Where Qt's layout draws this page's lines (see `_plan_pages`)."""
    lone_lines: list[tuple[QTextBlock, int]] = field(default_factory=list)
    """Lines drawn one by one because no clip can tell them from the line before."""


def _plan_pages(text_document: QTextDocument, width: float) -> dict[int, _PagePlan]:
    """For each page, how to draw exactly the lines laid out on it, each once.

    Qt's layout draws every line whose reach touches the paint clip, and a line reaches
    down to the bottom of the line after it. A clip of the whole page would therefore also
    draw the last line of the page before (hidden by the painter's clip, yet in the file's
    text twice, for copying and for screen readers). So a page's clip starts below the
    reach of that line and ends halfway down the page's own last line. When the page's
    first line is the last of a paragraph begun on the page before, Qt would skip the
    whole paragraph for such a clip: that line is drawn on its own.
    """
    page_height = text_document.pageSize().height()
    layout = text_document.documentLayout()
    lines: list[tuple[float, float, QTextBlock, int]] = []  # top, height, block, line index
    block = text_document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        # Empty blocks (Qt keeps one after a table) must not add a blank last page.
        for index in range(text_layout.lineCount() if _has_text(block) else 0):
            line = text_layout.lineAt(index)
            lines.append((top + line.y(), line.height(), block, index))
        block = block.next()
    lines.sort(key=lambda entry: entry[0])
    plans: dict[int, _PagePlan] = {}
    for position, (top, height, block, index) in enumerate(lines):
        page = _page_of(top + height / 2, page_height)
        bottom = top + height / 2
        plan = plans.get(page)
        if plan is not None:
            plan.clip.setBottom(max(plan.clip.bottom(), bottom))
            continue
        previous_height = lines[position - 1][1] if position else 0.0
        clip_top = top + max(height, previous_height) + 1
        plan = _PagePlan(QRectF(0, clip_top, width, max(1.0, bottom - clip_top)))
        if index == block.layout().lineCount() - 1:
            plan.lone_lines.append((block, index))
        plans[page] = plan
    return plans


def paint_pages(
    device: QPagedPaintDevice,
    document: Document,
    style: ReadingStyle,
    options: ExportOptions,
    labels: ExportLabels | None = None,
) -> PagedResult:
    """Lays the document out on `device`'s pages and paints them; returns the page count.

    The device's painter must start at the paper's corner (a QPdfWriter with zero page
    margins, or a QPrinter with `setFullPage(True)`): the margins are ours.
    """
    labels = labels or ExportLabels()
    load_bundled_fonts()  # once per process; the window has done it, a headless export not
    text_document = _build_text_document(document, style, options, labels, device)

    dpi = device.logicalDpiY()
    margin = options.margin_mm * dpi / 25.4
    page = QRectF(0, 0, device.width(), device.height())
    header_font = _header_font(style)
    header_metrics = QFontMetricsF(header_font, device)
    band = header_metrics.height()
    gap = band * 0.8
    body = page.adjusted(margin, margin + band + gap, -margin, -(margin + band + gap))

    column_width = body.width()
    if style.max_line_chars:
        column_width = min(body.width(), _average_advance(style, device) * style.max_line_chars)
    column_left = body.left() + (body.width() - column_width) / 2
    text_document.setPageSize(QSizeF(column_width, body.height()))
    fit_long_words_in_headings(text_document, style, column_width, device)
    keep_headings_with_text(text_document)
    plans = _plan_pages(text_document, column_width)
    page_count = max(plans, default=0) + 1

    theme = style_for_output(style, options.colours).theme
    paper, ink = QColor(theme.background), QColor(theme.text)
    rule_pen = QPen(ink, max(1.0, dpi / 300))

    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page could not be prepared for drawing")
    try:
        for index in range(page_count):
            if index > 0:
                device.newPage()
            painter.fillRect(page, paper)
            _paint_header_and_footer(
                painter, page, margin, band, header_font, header_metrics, ink, rule_pen,
                document.title, labels.page_number.format(number=index + 1, count=page_count),
            )
            painter.save()
            page_area = QRectF(0, index * body.height(), column_width, body.height())
            painter.translate(column_left, body.top() - page_area.top())
            painter.setClipRect(page_area)
            context = QAbstractTextDocumentLayout.PaintContext()
            plan = plans.get(index, _PagePlan(page_area))
            context.clip = plan.clip
            text_document.documentLayout().draw(painter, context)
            for block, line_index in plan.lone_lines:
                origin = text_document.documentLayout().blockBoundingRect(block).topLeft()
                block.layout().lineAt(line_index).draw(painter, origin)
            painter.restore()
    finally:
        painter.end()
    return PagedResult(page_count, QFontInfo(reading_font(style)).family())


def _paint_header_and_footer(
    painter: QPainter, page: QRectF, margin: float, band: float, font: QFont,
    metrics: QFontMetricsF, ink: QColor, rule_pen: QPen, title: str, page_label: str,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(ink)
    width = page.width() - 2 * margin
    header = QRectF(margin, margin, width, band)
    footer = QRectF(margin, page.height() - margin - band, width, band)
    elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
    painter.drawText(header, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     elided)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                     page_label)
    painter.setPen(rule_pen)
    rule_gap = band * 0.3
    painter.drawLine(QPointF(margin, header.bottom() + rule_gap),
                     QPointF(margin + width, header.bottom() + rule_gap))
    painter.drawLine(QPointF(margin, footer.top() - rule_gap),
                     QPointF(margin + width, footer.top() - rule_gap))
    painter.restore()


def pdf_bytes(
    document: Document,
    style: ReadingStyle,
    options: ExportOptions,
    labels: ExportLabels | None = None,
) -> tuple[bytes, PagedResult]:
    """The document as a PDF file's bytes, and what was printed."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_size_id(options.page_size)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    result = paint_pages(writer, document, style, options, labels)
    del writer  # finishes the file in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data, result


def export_pdf(
    path: str,
    document: Document,
    style: ReadingStyle,
    options: ExportOptions,
    labels: ExportLabels | None = None,
) -> PagedResult:
    """Writes the document as a PDF to `path`; raises ExportError with a clear reason."""
    data, result = pdf_bytes(document, style, options, labels)
    write_output(path, data)
    return result
