"""File → Open Recent: the documents opened lately, newest first, with "Clear list".

The list itself is `Preferences.recent_documents` (computed by `recent_files`); this menu
only shows it. Files that no longer exist are pruned each time the File menu is about to
open, and the status bar says which; an entry whose file vanished in the meantime says so
when chosen, and leaves the list.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDir, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..preferences import Preferences, PreferencesModel
from ..recent_files import add_recent, menu_label, prune_missing, remove_recent
from .actions import ActionId, Actions


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecentMenu", text)


def _quoted_names(paths: tuple[str, ...]) -> str:
    return ", ".join(f"“{os.path.basename(path) or path}”" for path in paths)


class RecentMenu(QObject):
    def __init__(
        self,
        file_menu: QMenu,
        actions: Actions,
        preferences: PreferencesModel,
        open_path: Callable[[str], bool],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__(file_menu)
        self._preferences = preferences
        self._open_path = open_path
        self._tell = tell
        self._clear_action = actions[ActionId.CLEAR_RECENT]
        self._clear_action.triggered.connect(self.clear)
        self.menu = QMenu(_tr("Open &Recent"), file_menu)
        self.menu.setObjectName("recent_menu")
        self.menu.setToolTipsVisible(True)
        file_menu.addMenu(self.menu)
        file_menu.aboutToShow.connect(self.prune)
        self._shown: tuple[str, ...] | None = None
        preferences.changed.connect(self._on_preferences_changed)
        self._rebuild(preferences.current.recent_documents)

    @property
    def entries(self) -> tuple[str, ...]:
        return self._preferences.current.recent_documents

    def remember(self, path: str) -> None:
        """Puts a file just opened at the front of the list."""
        self._preferences.update(recent_documents=add_recent(self.entries, path))

    def clear(self) -> None:
        self._preferences.update(recent_documents=())
        self._tell(_tr("The list of recent documents was cleared."))

    def prune(self) -> None:
        """Drops files that no longer exist, and says which."""
        kept, missing = prune_missing(self.entries)
        if not missing:
            return
        self._preferences.update(recent_documents=kept)
        if len(missing) == 1:
            note = _tr("{name} was removed from the recent list because it no longer exists.")
        else:
            note = _tr("{name} were removed from the recent list because they no longer exist.")
        self._tell(note.format(name=_quoted_names(missing)))

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if preferences.recent_documents != self._shown:
            self._rebuild(preferences.recent_documents)

    def _rebuild(self, entries: tuple[str, ...]) -> None:
        self._shown = entries
        self.menu.clear()  # deletes the entries (the menu owns them), not "Clear list"
        if not entries:
            empty = self.menu.addAction(_tr("No recent documents"))
            empty.setObjectName("recent_empty")
            empty.setEnabled(False)
        for index, path in enumerate(entries):
            action = self.menu.addAction(menu_label(index, path))
            action.setObjectName(f"recent_{index + 1}")
            shown = QDir.toNativeSeparators(path)
            action.setToolTip(shown)
            action.setStatusTip(shown)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_entry(p))
        self.menu.addSeparator()
        self.menu.addAction(self._clear_action)
        self._clear_action.setEnabled(bool(entries))

    def open_entry(self, path: str) -> bool:
        if not os.path.isfile(path):
            self._preferences.update(recent_documents=remove_recent(self.entries, path))
            self._tell(
                _tr("{name} no longer exists, so it was removed from the recent list.").format(
                    name=_quoted_names((path,))
                )
            )
            return False
        return self._open_path(path)

    def actions_for_entries(self) -> list[QAction]:
        return [action for action in self.menu.actions() if action.data()]
