"""The main window: wires actions, the reader view, menus, toolbar and status bar.

It asks the importers for documents and the renderer for HTML; it never parses
or builds markup itself. Preferences change only through the PreferencesModel.
Changes are saved a moment after the last one (SAVE_DELAY_MS), and at once when the
window closes: writing the settings file takes longer than a text-size step itself,
so it must not sit on the keypress path, and a burst of steps is written once.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from .. import APP_NAME, __version__, disclaimer
from ..document import Document
from ..importers import DocumentLoadError, load_bytes
from ..preferences import Preferences, PreferencesModel, PreferencesStore, WindowState
from ..render import RenderedPage, render_page
from ..style import (
    MAX_TEXT_SIZE,
    MIN_TEXT_SIZE,
    ReadingStyle,
    larger_size,
    size_percent,
    smaller_size,
)
from .actions import ActionId, Actions
from .appearance import Appearance
from .background_load import load_responsively, run_responsively
from .labels import translated_render_labels
from .loading_indicator import LoadingIndicator
from .print_actions import PrintActions
from .read_aloud import ReadAloud
from .reader_view import ReaderView
from .reading_tools import ReadingTools
from .ways_in import WaysIn, open_dialog_filters

if TYPE_CHECKING:
    # Imported where first opened: neither dialog is part of the first paint.
    from .disclaimer_dialog import DisclaimerDialog
    from .preferences_dialog import PreferencesDialog

log = logging.getLogger(__name__)

TOOLBAR_ICON_SIZE = 32
STATUS_MESSAGE_MS = 8000
SAVE_DELAY_MS = 300
LARGE_DOCUMENT_CHARS = 2_000_000
"""Documents with more text than this are rendered in a worker thread."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: PreferencesStore,
        preferences: PreferencesModel,
        default_text_size: int,
        save_changes: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._store = store
        self._preferences = preferences
        self._default_text_size = default_text_size
        self._save_changes = save_changes
        self._document: Document | None = None
        self._document_path: str | None = None
        self._opening: str | None = None  # name of a large file being read
        self._rendering = False  # a large page is being rendered in a worker thread
        self._render_again = False
        # A large file's page, rendered by the thread that read it.
        self._prepared_page: tuple[Document, ReadingStyle, RenderedPage] | None = None
        self._told_settings_unsaved = False
        self._pending_notes: list[str] = []
        self._dialogs: list[QWidget] = []  # non-blocking dialogs kept alive while open
        self.disclaimer_dialog: DisclaimerDialog | None = None

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_preferences)

        self.reader_actions = Actions(self)
        self.view = ReaderView(self)
        self.setCentralWidget(self.view)
        self.ways_in = WaysIn(self, self.view, self.reader_actions, preferences)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("text_size_label")
        self.statusBar().addPermanentWidget(self.size_label)
        self.loading_indicator = LoadingIndicator(self.view, self.statusBar())
        self.read_aloud = ReadAloud(
            self, self.view, self.reader_actions, preferences, lambda: self._document
        )

        self._build_toolbar()
        self._build_menus()
        self.appearance = Appearance(
            preferences, self.reader_actions, self.view, self.toolbar, self.statusBar(),
            self._render, self,
        )
        self.appearance.apply(preferences.current)
        self._connect()
        self.reading_tools = ReadingTools(self, self.reader_actions, self.view, preferences)
        self._apply_text_size(preferences.current.text_size)
        self.setWindowTitle(APP_NAME)
        self._resize_to_default()

    # -- building ---------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Text size"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # The toggle action would appear to screen readers as an unnamed check box.
        toolbar.toggleViewAction().setVisible(False)
        for action_id in (ActionId.OPEN, None, ActionId.ZOOM_OUT, ActionId.ZOOM_IN,
                          ActionId.ZOOM_RESET):
            if action_id is None:
                toolbar.addSeparator()
                continue
            action = self.reader_actions[action_id]
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            # Toolbar buttons take no focus by default; keyboard users must reach them.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(Actions.accessible_name(action))
            button.setAccessibleDescription(action.statusTip())
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar
        # A player bar of its own: in one row with the main toolbar it would push buttons
        # out of sight on small screens.
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.read_aloud.build_toolbar())

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.reader_actions[ActionId.OPEN])
        self.ways_in.add_to_file_menu(file_menu)
        file_menu.addSeparator()
        for action_id in (ActionId.PRINT, ActionId.EXPORT_PDF, ActionId.EXPORT_HTML,
                          ActionId.EXPORT_TEXT):
            file_menu.addAction(self.reader_actions[action_id])
        file_menu.addSeparator()
        file_menu.addAction(self.reader_actions[ActionId.QUIT])
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.reader_actions[ActionId.PREFERENCES])
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.reader_actions[ActionId.ZOOM_IN])
        view_menu.addAction(self.reader_actions[ActionId.ZOOM_OUT])
        view_menu.addAction(self.reader_actions[ActionId.ZOOM_RESET])
        self.read_aloud.fill_menu(menu_bar.addMenu(self.tr("&Read aloud")))
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.reader_actions[ActionId.READ_ALOUD_HELP])
        help_menu.addAction(self.reader_actions[ActionId.SHOW_DISCLAIMER])
        help_menu.addAction(self.reader_actions[ActionId.ABOUT])

    def _connect(self) -> None:
        self.reader_actions[ActionId.OPEN].triggered.connect(self.ask_for_file)
        self.reader_actions[ActionId.QUIT].triggered.connect(self.close)
        self.reader_actions[ActionId.ZOOM_IN].triggered.connect(lambda: self.step_text_size(+1))
        self.reader_actions[ActionId.ZOOM_OUT].triggered.connect(lambda: self.step_text_size(-1))
        self.reader_actions[ActionId.ZOOM_RESET].triggered.connect(self.reset_text_size)
        self.reader_actions[ActionId.SHOW_DISCLAIMER].triggered.connect(
            lambda: self.show_disclaimer(first_launch=False)
        )
        self.reader_actions[ActionId.ABOUT].triggered.connect(self.show_about)
        self.reader_actions[ActionId.PREFERENCES].triggered.connect(self.show_preferences)
        self.view.size_step_requested.connect(self.step_text_size)
        self.view.margins_stale.connect(self._render_keeping_place)
        self.view.link_refused.connect(self._on_link_refused)
        self.view.external_link_opened.connect(self._on_external_link)
        self._preferences.changed.connect(self._on_preferences_changed)
        self.print_actions = PrintActions(
            self, self.reader_actions, self._preferences, lambda: self._document,
            self.reading_style, lambda: self._document_path, self.show_error,
        )

    def _resize_to_default(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        self.resize(min(1100, round(available.width() * 0.8)),
                    min(860, round(available.height() * 0.85)))

    # -- start-up -------------------------------------------------------------------------

    def start(self, path: str, ask_disclaimer: bool = True) -> None:
        """Shows the disclaimer if this version was never accepted, then opens `path`."""
        accepted = self._preferences.current.disclaimer_accepted_version
        if ask_disclaimer and accepted < disclaimer.DISCLAIMER_VERSION:
            # The window comes first so the window-modal dialog opens over it and
            # takes the keyboard focus.
            self.show()
            dialog = self.show_disclaimer(first_launch=True)
            dialog.accepted.connect(lambda: self._on_disclaimer_accepted(path))
            dialog.rejected.connect(self.quit_without_saving)
        else:
            self.open_path(path)

    def _on_disclaimer_accepted(self, path: str) -> None:
        self._preferences.update(disclaimer_accepted_version=disclaimer.DISCLAIMER_VERSION)
        self.open_path(path)

    def quit_without_saving(self) -> None:
        self._save_changes = False
        self.close()

    def show_disclaimer(self, first_launch: bool) -> DisclaimerDialog:
        from .disclaimer_dialog import DisclaimerDialog

        # As large as the reading text, or as the interface when that is larger.
        size = max(self._preferences.current.text_size,
                   round(self.appearance.interface_font_size()))
        dialog = DisclaimerDialog(self, size, first_launch)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_disclaimer)
        self.disclaimer_dialog = dialog
        dialog.open()
        return dialog

    def _forget_disclaimer(self) -> None:
        self.disclaimer_dialog = None

    def restore_window_state(self, state: WindowState) -> None:
        if state.geometry and not self.restoreGeometry(QByteArray(state.geometry)):
            log.warning("saved window geometry was not usable; using the default size")
        if state.state and not self.restoreState(QByteArray(state.state)):
            log.warning("saved window layout was not usable; using the default layout")

    def report_startup_notes(self, extra: list[str] | None = None) -> None:
        """Says once, in the status bar, what went wrong with saved settings or files.

        The notes stay until the reader does something else; the first "Opened …"
        message carries them on instead of replacing them.
        """
        notes = list(self._store.problems)
        if self._store.read_only_reason:
            notes.append(self._store.read_only_reason)
            self._told_settings_unsaved = True
        notes.extend(extra or [])
        self._pending_notes = notes
        if notes:
            self.statusBar().showMessage(" ".join(notes))

    # -- documents --------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    def ask_for_file(self) -> None:
        start_dir = str(Path(self._document_path).parent) if self._document_path else ""
        dialog = QFileDialog(self, self.tr("Open a Q&A page"), start_dir)
        dialog.setObjectName("open_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(open_dialog_filters())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.open_path)
        self._keep_while_open(dialog)
        dialog.open()

    def open_path(self, path: str) -> bool:
        """Opens a file; on failure says why and keeps the current document."""
        if self._opening is not None:
            # A large file is being read (the window keeps answering meanwhile).
            self.statusBar().showMessage(
                self.tr("Still opening “{name}”; please wait.").format(name=self._opening),
                STATUS_MESSAGE_MS,
            )
            return False
        self._opening = Path(path).name
        style, labels = self.reading_style(), translated_render_labels()
        pixels_per_point = self._pixels_per_point()

        def prepare(document: Document) -> None:
            # In the worker thread, for a large file: the page is rendered there as well.
            page = render_page(document, style, labels, pixels_per_point)
            self._prepared_page = (document, style, page)

        try:
            document = self._load_or_explain(
                path,
                lambda: load_responsively(path, self.loading_indicator.set_busy, prepare),
            )
        finally:
            self._opening = None
        if document is None:
            return False
        self._document_path = str(Path(path).resolve())
        self.show_document(document)
        self._preferences.update(last_document=self._document_path)
        self.ways_in.file_opened(self._document_path)
        self._say_opened(self.tr("Opened “{name}”.").format(name=Path(path).name))
        return True

    def open_data(self, data: bytes, name: str, opened: str) -> bool:
        """Shows pasted or dropped data. No file is behind it: nothing to remember, watch or
        reopen at the next start (so `last_document` is cleared rather than left pointing
        at a page no longer on screen)."""
        document = self._load_or_explain(name, lambda: load_bytes(data, name))
        if document is None:
            return False
        self._document_path = None
        self.show_document(document)
        self._preferences.update(last_document=None)
        self.ways_in.file_opened(None)
        self._say_opened(opened)
        return True

    def _load_or_explain(self, name: str, loader: Callable[[], Document]) -> Document | None:
        try:
            return loader()
        except DocumentLoadError as error:
            log.warning("could not open %s: %s", name, error.reason)
            self.show_error(self.tr("This file could not be opened"), error.user_message)
            return None
        except Exception:  # a bug in an importer must not take the reader's document away
            log.exception("unexpected failure while opening %s", name)
            self.show_error(
                self.tr("This file could not be opened"),
                self.tr("“{name}” could not be opened because of an unexpected problem. "
                        "Details were written to the log file.").format(name=Path(name).name),
            )
            return None

    def _say_opened(self, opened: str) -> None:
        if self._pending_notes:
            self.statusBar().showMessage(" ".join([opened, *self._pending_notes]))
            self._pending_notes = []
        else:
            self.statusBar().showMessage(opened, STATUS_MESSAGE_MS)

    def show_document(self, document: Document) -> None:
        self._document = document
        self._render()
        self.view.verticalScrollBar().setValue(0)
        self.setWindowTitle(document.title or APP_NAME)

    def _render(self) -> None:
        if self._document is None:
            return
        style = self.reading_style()
        prepared, self._prepared_page = self._prepared_page, None
        if prepared is not None and prepared[0] is self._document and prepared[1] == style:
            page = prepared[2]
        else:
            document, labels, pixels = self._document, translated_render_labels(), (
                self._pixels_per_point()
            )
            if _text_length(document) < LARGE_DOCUMENT_CHARS:
                page = render_page(document, style, labels, pixels)
            elif self._rendering:
                self._render_again = True  # asked again while rendering: once more after it
                return
            else:  # a third of a second and more: the window keeps answering meanwhile
                self._rendering = True
                try:
                    page = run_responsively(lambda: render_page(document, style, labels, pixels))
                finally:
                    self._rendering = False
                if self._render_again or document is not self._document:
                    self._render_again = False
                    self._render()  # the page or its look changed meanwhile
                    return
        self.view.show_page(page, self._document.title)

    def _render_keeping_place(self) -> None:
        """Renders the page again for the current text size, at the reader's place."""
        place = self.view.reading_position()
        self._render()
        self.view.restore_reading_position(place)

    def _pixels_per_point(self) -> float:
        return self.view.logicalDpiY() / 72

    def reading_style(self) -> ReadingStyle:
        """How the reader reads now: what printing and export keep."""
        return self.appearance.reading_style()

    def show_error(self, title: str, message: str) -> QMessageBox:
        # Plain text: a file name such as "<b>.txt" must be shown, not interpreted.
        return self._open_message_box(
            QMessageBox.Icon.Warning, title, message, "error_dialog", Qt.TextFormat.PlainText
        )

    def _open_message_box(
        self, icon: QMessageBox.Icon, title: str, text: str, name: str, text_format: Qt.TextFormat
    ) -> QMessageBox:
        """A window-modal message that does not block the event loop (open(), not exec())."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        box.setTextFormat(text_format)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep_while_open(box)
        box.open()
        return box

    def _keep_while_open(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda: self._dialogs.remove(dialog))

    def _on_link_refused(self, url: QUrl) -> None:
        self.statusBar().showMessage(
            self.tr("This link was not opened: only web links (http and https) are opened."),
            STATUS_MESSAGE_MS,
        )

    def _on_external_link(self, url: QUrl) -> None:
        self.statusBar().showMessage(
            self.tr("Opened {host} in your web browser").format(host=url.host()), STATUS_MESSAGE_MS
        )

    # -- text size --------------------------------------------------------------------------

    def step_text_size(self, direction: int) -> None:
        current = self._preferences.current.text_size
        new = larger_size(current) if direction > 0 else smaller_size(current)
        self._preferences.update(text_size=new)

    def reset_text_size(self) -> None:
        self._preferences.update(text_size=self._default_text_size)

    def _apply_text_size(self, points: int) -> None:
        self.view.set_text_size(points)
        self.reader_actions[ActionId.ZOOM_IN].setEnabled(points < MAX_TEXT_SIZE)
        self.reader_actions[ActionId.ZOOM_OUT].setEnabled(points > MIN_TEXT_SIZE)
        self.reader_actions[ActionId.ZOOM_RESET].setEnabled(points != self._default_text_size)
        text = self.tr("Text size {points} pt · {percent}%").format(
            points=points, percent=size_percent(points)
        )
        self.size_label.setText(text)
        self.size_label.setAccessibleName(text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.size_label, QAccessible.Event.NameChanged)
            )

    # -- preferences ------------------------------------------------------------------------

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if preferences.text_size != round(self.view.text_size()):
            self._apply_text_size(preferences.text_size)
        self.appearance.apply(preferences)
        if self._save_changes:
            self._save_timer.start()

    def _save_preferences(self) -> None:
        self._save_timer.stop()
        if self._save_changes and not self._store.save(self._preferences.current):
            self._tell_settings_unsaved()

    def _tell_settings_unsaved(self) -> None:
        if self._told_settings_unsaved:
            return
        self._told_settings_unsaved = True
        reason = self._store.read_only_reason or self.tr(
            "Your settings could not be saved; they will be used until Q&A Reader closes."
        )
        log.warning("settings not saved: %s", reason)
        self.statusBar().showMessage(reason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.disclaimer_dialog is not None and self.disclaimer_dialog.isVisible():
            # Closing before accepting the disclaimer is the same as choosing "Quit".
            self._save_changes = False
        if self._save_timer.isActive():
            self._save_preferences()
        if self._save_changes:
            state = WindowState(geometry=bytes(self.saveGeometry().data()),
                                state=bytes(self.saveState().data()))
            if not self._store.save_window_state(state):
                log.warning("window size and position could not be saved")
        super().closeEvent(event)

    def show_preferences(self) -> PreferencesDialog:
        """Opens the Preferences dialog (window-modal, so at most one at a time)."""
        from .preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(
            self,
            self._preferences,
            Preferences(text_size=self._store.default_text_size),
            show_disclaimer=lambda: self.show_disclaimer(first_launch=False),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._keep_while_open(dialog)
        dialog.open()
        return dialog

    # -- help -------------------------------------------------------------------------------

    def show_about(self) -> None:
        text = self.tr(
            "<h2>{name} {version}</h2>"
            "<p>Reads medical question-and-answer pages in large, calm text.</p>"
            "<p>Q&amp;A Reader does not check medical facts; always ask your own doctor.</p>"
            "<p>Settings are kept in:<br>{settings}</p>"
        ).format(
            name=html.escape(APP_NAME),
            version=__version__,
            settings=html.escape(self._store.location),
        )
        self._open_message_box(QMessageBox.Icon.Information, self.tr("About Q&A Reader"),
                               text, "about_dialog", Qt.TextFormat.RichText)


def _text_length(document: Document) -> int:
    """Characters of text in a document (a quick measure of how long rendering takes)."""
    return sum(
        len(question.details) + sum(len(answer.text) for answer in question.answers)
        for question in document.questions
    )
