"""File → Print… and the three Export as… actions.

Printing and PDF keep the reader's text size, font, spacing and line length; the reader
chooses the paper size and whether colours are "print-friendly" (dark text on white, the
default for paper) in a small dialog first, and that choice is remembered. QtPrintSupport
is imported only when the reader prints: it costs start-up time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from ..document import Document
from ..export.options import (
    FALLBACK_DISCLAIMER,
    ColourMode,
    ExportError,
    ExportFormat,
    ExportLabels,
    ExportOptions,
    PageSize,
    write_output,
)
from ..export.pdf_export import export_pdf, page_size_id, paint_pages
from ..preferences import PreferencesModel
from ..style import ReadingStyle
from .actions import ActionId, Actions
from .labels import translated_render_labels

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8000
DIALOG_MAX_POINTS = 28.0
PRINT_RESOLUTION = 600  # dots per inch: exact glyph placement, quick to preview
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def translated_export_labels() -> ExportLabels:
    def tr(text: str) -> str:
        return QCoreApplication.translate("Export", text)

    return ExportLabels(
        render=translated_render_labels(),
        page_number=tr("Page {number} of {count}"),
        fallback_disclaimer=tr(FALLBACK_DISCLAIMER),
    )


def preferred_page_size(stored: str) -> PageSize:
    """The stored paper size, or for "auto" the one usual where the reader lives."""
    if stored == PageSize.LETTER.value:
        return PageSize.LETTER
    if stored == PageSize.A4.value:
        return PageSize.A4
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return PageSize.LETTER
    return PageSize.A4


def suggested_file_name(title: str, export_format: ExportFormat) -> str:
    stem = _UNSAFE_FILE_CHARS.sub(" ", title).strip(" .")[:80].strip() or "Q&A page"
    return stem + export_format.suffix


class ExportOptionsDialog(QDialog):
    """Paper size and colours, asked before printing or exporting as PDF or HTML."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        accept_text: str,
        text_size: int,
        page_size: PageSize,
        print_friendly: bool,
        ask_page_size: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_options_dialog")
        self.setWindowTitle(title)
        # Readable by whoever set the text size, within what fits a small dialog.
        font = QFont(self.font())
        font.setPointSizeF(min(max(font.pointSizeF(), text_size), DIALOG_MAX_POINTS))
        self.setFont(font)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        intro = QLabel(
            self.tr("The page keeps your text size ({size} pt), font and spacing.").format(
                size=text_size
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.page_size_box = QComboBox(self)
        self.page_size_box.setObjectName("page_size_box")
        self.page_size_box.addItem(self.tr("A4 (210 × 297 mm)"), PageSize.A4.value)
        self.page_size_box.addItem(self.tr("Letter (8.5 × 11 in)"), PageSize.LETTER.value)
        self.page_size_box.setCurrentIndex(0 if page_size is PageSize.A4 else 1)
        page_size_label = QLabel(self.tr("&Paper size:"), self)
        page_size_label.setBuddy(self.page_size_box)
        self.page_size_box.setAccessibleName(self.tr("Paper size"))

        self.colours_box = QCheckBox(
            self.tr("Print-&friendly colours (dark text on white paper)"), self
        )
        self.colours_box.setObjectName("print_friendly_box")
        self.colours_box.setChecked(print_friendly)
        self.colours_box.setAccessibleDescription(
            self.tr("When off, the page uses the colours of your reading theme")
        )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText(accept_text)
        ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        if ask_page_size:
            form.addRow(page_size_label, self.page_size_box)
        else:
            page_size_label.hide()
            self.page_size_box.hide()
        form.addRow(self.colours_box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def page_size(self) -> PageSize:
        return PageSize(self.page_size_box.currentData())

    def print_friendly(self) -> bool:
        return self.colours_box.isChecked()


class PrintActions(QObject):
    """Connects Print… and Export as… to the window; owns no document or style of its own."""

    def __init__(
        self,
        window: QMainWindow,
        actions: Actions,
        preferences: PreferencesModel,
        current_document: Callable[[], Document | None],
        current_style: Callable[[], ReadingStyle],
        document_path: Callable[[], str | None],
        show_error: Callable[[str, str], object],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._preferences = preferences
        self._current_document = current_document
        self._current_style = current_style
        self._document_path = document_path
        self._show_error = show_error
        actions[ActionId.PRINT].triggered.connect(self.print_document)
        actions[ActionId.EXPORT_PDF].triggered.connect(lambda: self.export(ExportFormat.PDF))
        actions[ActionId.EXPORT_HTML].triggered.connect(lambda: self.export(ExportFormat.HTML))
        actions[ActionId.EXPORT_TEXT].triggered.connect(lambda: self.export(ExportFormat.TEXT))

    # -- choosing -------------------------------------------------------------------------

    def _document_or_say_none(self) -> Document | None:
        document = self._current_document()
        if document is None:
            self._status(self.tr("There is no page to print or save yet: open one first."))
        return document

    def _ask_options(
        self, title: str, accept_text: str, ask_page_size: bool, then: Callable[[], None]
    ) -> None:
        current = self._preferences.current
        dialog = ExportOptionsDialog(
            self._window, title, accept_text, self._current_style().text_size,
            preferred_page_size(current.print_page_size), current.print_friendly_colours,
            ask_page_size,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            changes: dict[str, object] = {"print_friendly_colours": dialog.print_friendly()}
            if ask_page_size:
                changes["print_page_size"] = dialog.page_size().value
            self._preferences.update(**changes)
            then()

        dialog.accepted.connect(accepted)
        dialog.open()

    def _options(self) -> ExportOptions:
        current = self._preferences.current
        return ExportOptions(
            page_size=preferred_page_size(current.print_page_size),
            colours=ColourMode.PRINT if current.print_friendly_colours else ColourMode.SCREEN,
        )

    # -- printing -------------------------------------------------------------------------

    def print_document(self) -> None:
        if self._document_or_say_none() is None:
            return
        self._ask_options(self.tr("Print"), self.tr("Pre&view…"), True, self._show_preview)

    def _show_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        document = self._current_document()
        if document is None:
            return
        # Made without a printer, the dialog owns one and deletes it with itself: a printer
        # owned by Python could be collected while the dialog still points at it.
        preview = QPrintPreviewDialog(self._window)
        printer = preview.printer()
        printer.setResolution(PRINT_RESOLUTION)
        printer.setDocName(document.title)
        printer.setPageSize(QPageSize(page_size_id(self._options().page_size)))
        printer.setFullPage(True)
        preview.setObjectName("print_preview")
        preview.setWindowTitle(self.tr("Print preview"))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.paintRequested.connect(self._paint_for_printer)
        preview.open()

    def _paint_for_printer(self, printer: QPrinter) -> None:
        document = self._current_document()
        if document is None:
            return
        # The margins are ours (large print); the painter must start at the paper's corner.
        printer.setFullPage(True)
        try:
            result = paint_pages(printer, document, self._current_style(), self._options(),
                                 translated_export_labels())
        except OSError as error:
            log.warning("printing failed: %s", error)
            self._show_error(self.tr("The page could not be printed"), str(error))
            return
        self._status(self.tr("{count} pages ready to print").format(count=result.pages))

    # -- exporting ------------------------------------------------------------------------

    def export(self, export_format: ExportFormat) -> None:
        if self._document_or_say_none() is None:
            return
        titles = {
            ExportFormat.PDF: self.tr("Export as PDF"),
            ExportFormat.HTML: self.tr("Export as HTML"),
            ExportFormat.TEXT: self.tr("Export as plain text"),
        }
        if export_format is ExportFormat.TEXT:
            self._ask_file(export_format, titles[export_format])
            return
        self._ask_options(
            titles[export_format], self.tr("&Choose file…"), export_format is ExportFormat.PDF,
            lambda: self._ask_file(export_format, titles[export_format]),
        )

    def _ask_file(self, export_format: ExportFormat, title: str) -> None:
        document = self._current_document()
        if document is None:
            return
        dialog = QFileDialog(self._window, title, self._start_folder())
        dialog.setObjectName("export_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(export_format.value)
        filters = {
            ExportFormat.PDF: self.tr("PDF files (*.pdf)"),
            ExportFormat.HTML: self.tr("Web pages (*.html *.htm)"),
            ExportFormat.TEXT: self.tr("Text files (*.txt)"),
        }
        dialog.setNameFilters([filters[export_format], self.tr("All files (*)")])
        dialog.selectFile(suggested_file_name(document.title, export_format))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(export_format, path))
        dialog.open()

    def _start_folder(self) -> str:
        path = self._document_path()
        if path and Path(path).parent.is_dir():
            return str(Path(path).parent)
        return QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    def export_to(self, export_format: ExportFormat, path: str) -> bool:
        """Writes the current page to `path`; says what happened in the status bar or a dialog."""
        document = self._current_document()
        if document is None:
            return False
        style, options, labels = self._current_style(), self._options(), translated_export_labels()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if export_format is ExportFormat.PDF:
                pages = export_pdf(path, document, style, options, labels).pages
                message = self.tr("Saved “{name}” ({count} pages)").format(
                    name=Path(path).name, count=pages
                )
            else:
                write_output(path, self._text_for(export_format, document, style, options, labels))
                message = self.tr("Saved “{name}”").format(name=Path(path).name)
        except ExportError as error:
            log.warning("export to %s failed: %s", path, error.reason)
            self._show_error(self.tr("The page could not be saved"), error.user_message)
            return False
        except OSError as error:
            log.warning("export to %s failed: %s", path, error)
            self._show_error(self.tr("The page could not be saved"), str(error))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._status(message)
        return True

    @staticmethod
    def _text_for(
        export_format: ExportFormat, document: Document, style: ReadingStyle,
        options: ExportOptions, labels: ExportLabels,
    ) -> str:
        if export_format is ExportFormat.HTML:
            from ..export.html_export import document_to_html

            return document_to_html(document, style, options, labels)
        from ..export.text_export import document_to_text

        return document_to_text(document, style, labels)

    def _status(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)

