"""Every user action of the main window, defined once.

Toolbar, menus and tests all use the same QAction objects, looked up by ActionId.
Shortcuts keep every platform binding of the standard keys and add the ones people
actually type ("Ctrl+=" because "+" needs Shift on many keyboards).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence

from ..resources import ResourceNotFoundError, resource_path

StandardKey = QKeySequence.StandardKey


class ActionId(enum.Enum):
    OPEN = "open"
    QUIT = "quit"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    SHOW_DISCLAIMER = "show_disclaimer"
    ABOUT = "about"
    PREFERENCES = "preferences"


@dataclass(frozen=True)
class ActionSpec:
    text: str  # untranslated; "&" marks the mnemonic, "…" a label that opens a dialog
    tooltip: str
    icon: str | None = None  # freedesktop icon name, also the bundled SVG's name
    standard_keys: tuple[StandardKey, ...] = ()
    extra_keys: tuple[str, ...] = ()
    role: QAction.MenuRole = QAction.MenuRole.NoRole


def _specs() -> dict[ActionId, ActionSpec]:
    # Written as a function so the strings are picked up at call time, after a
    # translator may have been installed.
    return {
        ActionId.OPEN: ActionSpec(
            "&Open…", "Open a saved Q&A page", "document-open", (StandardKey.Open,)
        ),
        ActionId.QUIT: ActionSpec(
            "&Quit", "Close Q&A Reader", "application-exit", (StandardKey.Quit,), ("Ctrl+Q",),
            QAction.MenuRole.QuitRole,
        ),
        ActionId.ZOOM_IN: ActionSpec(
            "&Larger text", "Make the text larger", "zoom-in",
            (StandardKey.ZoomIn,), ("Ctrl+=", "Ctrl++"),
        ),
        ActionId.ZOOM_OUT: ActionSpec(
            "&Smaller text", "Make the text smaller", "zoom-out",
            (StandardKey.ZoomOut,), ("Ctrl+-",),
        ),
        ActionId.ZOOM_RESET: ActionSpec(
            "&Actual size", "Return the text to its normal size", "zoom-original",
            (), ("Ctrl+0",),
        ),
        ActionId.SHOW_DISCLAIMER: ActionSpec(
            "&Medical disclaimer…", "Show the medical disclaimer again", None,
        ),
        ActionId.ABOUT: ActionSpec(
            "&About Q&A Reader…", "Version and where settings are kept", "help-about",
            role=QAction.MenuRole.AboutRole,
        ),
        ActionId.PREFERENCES: ActionSpec(
            "&Preferences…", "Colours, font, text size and spacing", "preferences-system",
            (StandardKey.Preferences,), ("Ctrl+,",), QAction.MenuRole.PreferencesRole,
        ),
    }


def _translate(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _shortcuts(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in spec.standard_keys:
        sequences.extend(QKeySequence.keyBindings(key))
    sequences.extend(QKeySequence(text) for text in spec.extra_keys)
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def _icon(name: str | None) -> QIcon:
    if name is None:
        return QIcon()
    try:
        fallback = QIcon(str(resource_path(f"icons/{name}.svg")))
    except ResourceNotFoundError:
        fallback = QIcon()
    return QIcon.fromTheme(name, fallback)


def _plain(text: str) -> str:
    """A menu label without its mnemonic marker or ellipsis, for accessible names."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class Actions:
    """The window's actions, created once and owned by `parent`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in _specs().items():
            action = QAction(_icon(spec.icon), _translate(spec.text), parent)
            action.setObjectName(f"action_{action_id.value}")
            shortcuts = _shortcuts(spec)
            action.setShortcuts(shortcuts)
            tooltip = _translate(spec.tooltip)
            if shortcuts:
                keys = QKeySequence(shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{tooltip} ({keys})")
            else:
                action.setToolTip(tooltip)
            action.setStatusTip(tooltip)
            action.setMenuRole(spec.role)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    @staticmethod
    def icon_names() -> dict[ActionId, str]:
        """The bundled icon of each action that has one (the appearance recolours them)."""
        return {action_id: spec.icon for action_id, spec in _specs().items() if spec.icon}

    @staticmethod
    def accessible_name(action: QAction) -> str:
        return _plain(action.text())
