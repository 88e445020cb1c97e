"""Every way a page gets into the window besides File → Open…: the clipboard, a dropped
file, the recent list, and the open file changing on disk.

The window builds one `WaysIn` and tells it when a file was opened (`file_opened`); all
reading of files and pasted data still goes through the window's `open_path`/`open_data`,
which ask the importers, so there is one place that explains a page that cannot be shown.

- Clipboard (Ctrl+Shift+V): HTML is preferred (a browser copies the page's structure with
  it), else plain text; the text is handed to the importers as UTF-8 with a byte-order
  mark, which outranks any ``<meta charset>`` the copied HTML carries (the text is already
  decoded). A pasted page has no file: it is not remembered, watched or reopened at start.
- Drops: local files only. The reader view does not take drops itself (it would try to
  insert dropped text), so they reach the window.
- Reload: a `QFileSystemWatcher` on the file and its folder (editors that save by writing
  a new file and renaming it make the watched file vanish for a moment); changes are
  gathered for `RELOAD_DELAY_MS` and the page is read again only when the file's size or
  time really changed. A file that is gone or no longer readable leaves the page as it was.
"""

from __future__ import annotations

import codecs
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QMimeData,
    QObject,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMenu

from ..importers import DocumentLoadError, load, supported_formats
from ..preferences import PreferencesModel
from ..recent_files import resolved
from ..resources import ResourceNotFoundError, sample_document_path
from .actions import ActionId, Actions
from .announce import announce
from .reader_view import ReaderView
from .recent_menu import RecentMenu

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 300
"""Changes to the open file are gathered this long before it is read again: editors write
in several steps, and reading a half-written file would show a broken page."""
STATUS_MESSAGE_MS = 8000


def _name(path: str) -> str:
    return os.path.basename(path.rstrip("/\\")) or path


def open_dialog_filters() -> list[str]:
    """The Open dialog's filters: every supported ending, one per format, then all files."""
    def translate(text: str) -> str:
        return QCoreApplication.translate("Formats", text)

    patterns: list[str] = []
    per_format: list[str] = []
    for label, extensions in supported_formats():
        globs = [f"*.{extension}" for extension in extensions]
        per_format.append(f"{translate(label)} ({' '.join(globs)})")
        patterns.extend(glob for glob in globs if glob not in patterns)
    return [
        translate("All supported ({patterns})").format(patterns=" ".join(patterns)),
        *per_format,
        translate("All files (*)"),
    ]


def _file_signature(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_mtime_ns, info.st_size


class WaysIn(QObject):
    def __init__(
        self,
        window: MainWindow,
        view: ReaderView,
        actions: Actions,
        preferences: PreferencesModel,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._actions = actions
        self._preferences = preferences
        self.recent_menu: RecentMenu | None = None
        actions[ActionId.OPEN_FROM_CLIPBOARD].triggered.connect(self.open_clipboard)

        # Drops go to the window, never into the read-only view's text.
        window.setAcceptDrops(True)
        view.setAcceptDrops(False)
        view.viewport().setAcceptDrops(False)
        window.installEventFilter(self)

        self._watched: str | None = None
        self._signature: tuple[int, int] | None = None
        self._told_gone = False
        # The reading place to return to once a long page, built in steps, is shown.
        self._place_after_build: tuple[int, float] | None = None
        view.html_shown.connect(self._on_html_shown)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule_check)
        self._watcher.directoryChanged.connect(self._schedule_check)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(RELOAD_DELAY_MS)
        self._check_timer.timeout.connect(self.check_file)

    def add_to_file_menu(self, file_menu: QMenu) -> None:
        """Open Recent ▸ and Open from clipboard, right under Open…"""
        self.recent_menu = RecentMenu(
            file_menu, self._actions, self._preferences, self._window.open_path, self._tell
        )
        file_menu.addAction(self._actions[ActionId.OPEN_FROM_CLIPBOARD])

    def _tell(self, message: str) -> None:
        self._window.statusBar().showMessage(message, STATUS_MESSAGE_MS)
        announce(self._window, message)

    # -- a file was opened ------------------------------------------------------------------

    def file_opened(self, path: str | None) -> None:
        """Remembers (except the bundled sample) and watches the file now shown; None for
        a page with no file behind it."""
        if path is not None and self.recent_menu is not None and not _is_sample(path):
            self.recent_menu.remember(path)
        self._watch(path)

    def _watch(self, path: str | None) -> None:
        self._check_timer.stop()
        self._place_after_build = None
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._watched = path
        self._signature = _file_signature(path) if path else None
        self._told_gone = False
        if path is None or _is_sample(path):
            return
        self._watcher.addPath(path)
        folder = os.path.dirname(path)
        if folder:
            self._watcher.addPath(folder)

    def _schedule_check(self, _path: str) -> None:
        self._check_timer.start()

    def check_file(self) -> None:
        """Reads the open file again if it changed; says so if it went away."""
        path = self._watched
        if path is None:
            return
        signature = _file_signature(path)
        if signature is None or not os.path.isfile(path):
            if not self._told_gone:
                self._told_gone = True
                self._tell(
                    self.tr("“{name}” was deleted or moved; the page stays as it was.").format(
                        name=_name(path)
                    )
                )
            return
        if path not in self._watcher.files():
            self._watcher.addPath(path)  # saved by rename: the new file is a new inode
        if signature == self._signature and not self._told_gone:
            return
        self._signature = signature
        self._told_gone = False
        self._reload(path)

    def _reload(self, path: str) -> None:
        try:
            document = load(path)
        except DocumentLoadError as error:
            log.warning("reloading %s failed: %s", path, error.reason)
            self._tell(
                self.tr("“{name}” changed but cannot be shown now ({reason}); "
                        "the page stays as it was.").format(name=_name(path), reason=error.reason)
            )
            return
        except Exception:  # a bug in an importer must not take the page away; it is logged
            log.exception("unexpected failure while reloading %s", path)
            self._tell(
                self.tr("“{name}” changed but could not be read again; "
                        "the page stays as it was.").format(name=_name(path))
            )
            return
        place = self._view.reading_place()
        self._window.show_document(document)
        if self._view.loading:
            self._place_after_build = place
        else:
            self._view.go_to_reading_place(place)
        self._tell(self.tr("“{name}” changed on disk and was read again.").format(
            name=_name(path)))

    def _on_html_shown(self) -> None:
        place, self._place_after_build = self._place_after_build, None
        if place is not None:
            self._view.go_to_reading_place(place)

    # -- clipboard --------------------------------------------------------------------------

    def open_clipboard(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        data: bytes | None = None
        name = "clipboard.txt"
        if mime is not None and mime.hasHtml() and mime.html().strip():
            data, name = mime.html().encode("utf-8"), "clipboard.html"
        elif mime is not None and mime.hasText() and mime.text().strip():
            data = mime.text().encode("utf-8")
        if data is None:
            self._window.show_error(
                self.tr("Nothing to open"), self.tr("The clipboard holds no text to open.")
            )
            return False
        return self._window.open_data(
            codecs.BOM_UTF8 + data, name, self.tr("Opened the text from the clipboard.")
        )

    # -- drag and drop ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._window:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, (QDragEnterEvent, QDragMoveEvent)
            ):
                if self._has_urls(event.mimeData()):
                    event.acceptProposedAction()
                else:
                    event.ignore()
                return True
            if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
                if self._has_urls(event.mimeData()):
                    event.acceptProposedAction()
                    self.open_dropped(event.mimeData().urls())
                else:
                    event.ignore()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _has_urls(mime: QMimeData | None) -> bool:
        # Anything with addresses is taken, so a refused one (a web link, a folder) is
        # explained on drop instead of silently showing a "no entry" pointer.
        return mime is not None and mime.hasUrls()

    def open_dropped(self, urls: list[QUrl]) -> bool:
        files = [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]
        if not files:
            self._tell(self.tr("Only files on this computer can be opened by dropping them; "
                               "this was a web address."))
            return False
        first = files[0]
        if os.path.isdir(first):
            self._tell(self.tr("“{name}” is a folder; drop a Q&A file instead.").format(
                name=_name(first)))
            return False
        opened = self._window.open_path(first)
        if opened and len(files) > 1:
            if len(files) == 2:
                note = self.tr("Opened “{name}”. Only one page is shown at a time, so the "
                               "other dropped file was not opened.")
            else:
                note = self.tr("Opened “{name}”. Only one page is shown at a time, so the "
                               "other {count} dropped files were not opened.")
            self._tell(note.format(name=_name(first), count=len(files) - 1))
        return opened


def _is_sample(path: str) -> bool:
    try:
        return resolved(path) == resolved(str(sample_document_path()))
    except ResourceNotFoundError:
        return False


