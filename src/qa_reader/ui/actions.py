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
    # Navigation: structure keys, side panel, focus mode, find, full screen.
    GO_QUESTION = "go_question"
    GO_PREVIOUS_ANSWER = "go_previous_answer"
    GO_NEXT_ANSWER = "go_next_answer"
    GO_DISCLAIMER = "go_disclaimer"
    SIDE_PANEL = "side_panel"
    FOCUS_MODE = "focus_mode"
    FULL_SCREEN = "full_screen"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREVIOUS = "find_previous"
    # Read aloud
    READ_PLAY_PAUSE = "read_play_pause"
    READ_STOP = "read_stop"
    READ_PREVIOUS_SENTENCE = "read_previous_sentence"
    READ_NEXT_SENTENCE = "read_next_sentence"
    READ_PREVIOUS_ANSWER = "read_previous_answer"
    READ_NEXT_ANSWER = "read_next_answer"
    READ_FROM_HERE = "read_from_here"
    READ_SELECTION = "read_selection"
    READ_QUESTION = "read_question"
    READ_THIS_ANSWER = "read_this_answer"
    VOICE_SETTINGS = "voice_settings"
    READ_ALOUD_HELP = "read_aloud_help"
    PREFERENCES = "preferences"
    # Ways in
    OPEN_FROM_CLIPBOARD = "open_from_clipboard"
    CLEAR_RECENT = "clear_recent"
    # Print and export
    PRINT = "print"
    EXPORT_PDF = "export_pdf"
    EXPORT_HTML = "export_html"
    EXPORT_TEXT = "export_text"


@dataclass(frozen=True)
class ActionSpec:
    text: str  # untranslated; "&" marks the mnemonic, "…" a label that opens a dialog
    tooltip: str
    icon: str | None = None  # freedesktop icon name, also the bundled SVG's name
    standard_keys: tuple[StandardKey, ...] = ()
    extra_keys: tuple[str, ...] = ()
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    checkable: bool = False


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
        ActionId.GO_QUESTION: ActionSpec(
            "Go to the &question", "Go to the question (again: the question before it)",
            "go-top", (), ("Alt+Home",),
        ),
        ActionId.GO_PREVIOUS_ANSWER: ActionSpec(
            "&Previous answer", "Go to the previous doctor's answer", "go-up", (), ("Alt+Up",),
        ),
        ActionId.GO_NEXT_ANSWER: ActionSpec(
            "&Next answer", "Go to the next doctor's answer", "go-down", (), ("Alt+Down",),
        ),
        ActionId.GO_DISCLAIMER: ActionSpec(
            "Go to the &disclaimer", "Go to the page's medical disclaimer", "go-bottom",
            (), ("Alt+End",),
        ),
        ActionId.SIDE_PANEL: ActionSpec(
            "Side &panel", "Show or hide the list of the question and answers", None,
            (), ("F9",), checkable=True,
        ),
        ActionId.FOCUS_MODE: ActionSpec(
            "&Focus mode", "Dim everything but the question or answer you are reading", None,
            (), ("F8",), checkable=True,
        ),
        ActionId.FULL_SCREEN: ActionSpec(
            "F&ull screen", "Use the whole screen for the page", "view-fullscreen",
            (StandardKey.FullScreen,), ("F11",), checkable=True,
        ),
        ActionId.FIND: ActionSpec(
            "&Find…", "Find words on the page", "edit-find", (StandardKey.Find,), ("Ctrl+F",),
        ),
        ActionId.FIND_NEXT: ActionSpec(
            "Find &next", "Go to the next match", "go-down",
            (StandardKey.FindNext,), ("F3", "Ctrl+G"),
        ),
        ActionId.FIND_PREVIOUS: ActionSpec(
            "Find pre&vious", "Go to the previous match", "go-up",
            (StandardKey.FindPrevious,), ("Shift+F3", "Ctrl+Shift+G"),
        ),
        # Read aloud. Stepping keys are brackets, which QTextBrowser's caret does not use:
        # with Shift for sentences, with Alt for answers.
        ActionId.READ_PLAY_PAUSE: ActionSpec(
            "&Read aloud", "Read the page aloud from what is on screen, or pause",
            "media-playback-start", (), ("Ctrl+Shift+U",),
        ),
        ActionId.READ_STOP: ActionSpec(
            "&Stop reading", "Stop reading aloud", "media-playback-stop", (), ("Ctrl+Shift+.",),
        ),
        ActionId.READ_PREVIOUS_SENTENCE: ActionSpec(
            "&Previous sentence", "Go back one sentence (Ctrl+click: previous answer)",
            "media-skip-backward", (), ("Ctrl+Shift+[",),
        ),
        ActionId.READ_NEXT_SENTENCE: ActionSpec(
            "&Next sentence", "Skip to the next sentence (Ctrl+click: next answer)",
            "media-skip-forward", (), ("Ctrl+Shift+]",),
        ),
        ActionId.READ_PREVIOUS_ANSWER: ActionSpec(
            "P&revious answer", "Go back to the start of this answer, then to the one before",
            None, (), ("Ctrl+Alt+[",),
        ),
        ActionId.READ_NEXT_ANSWER: ActionSpec(
            "Ne&xt answer", "Skip to the next answer", None, (), ("Ctrl+Alt+]",),
        ),
        ActionId.READ_FROM_HERE: ActionSpec(
            "Read from &here", "Read aloud from the text cursor or the clicked paragraph",
        ),
        ActionId.READ_SELECTION: ActionSpec(
            "Read se&lection", "Read aloud the selected text",
        ),
        ActionId.READ_QUESTION: ActionSpec(
            "Read the &question", "Read aloud the question and its details, then stop",
        ),
        ActionId.READ_THIS_ANSWER: ActionSpec(
            "Read this &answer", "Read aloud the answer at the text cursor, then stop",
        ),
        ActionId.VOICE_SETTINGS: ActionSpec(
            "&Voice settings…", "Choose the voice, speed, pitch and volume",
        ),
        ActionId.READ_ALOUD_HELP: ActionSpec(
            "Read aloud needs a speech engine…", "What to install so the page can be read aloud",
        ),
        ActionId.PREFERENCES: ActionSpec(
            "&Preferences…", "Colours, font, text size and spacing", "preferences-system",
            (StandardKey.Preferences,), ("Ctrl+,",), QAction.MenuRole.PreferencesRole,
        ),
        ActionId.OPEN_FROM_CLIPBOARD: ActionSpec(
            "Open from &clipboard", "Show the text or web page you copied as a Q&A page",
            "edit-paste", (), ("Ctrl+Shift+V",),
        ),
        ActionId.CLEAR_RECENT: ActionSpec(
            "&Clear list", "Forget the list of recently opened documents", "edit-clear",
        ),
        ActionId.PRINT: ActionSpec(
            "&Print…", "Print the page in your text size, with a preview first",
            "document-print", (StandardKey.Print,), ("Ctrl+P",),
        ),
        ActionId.EXPORT_PDF: ActionSpec(
            "Export as &PDF…", "Save the page as a PDF file in your text size, ready to print",
            None, (), ("Ctrl+Shift+E",),
        ),
        ActionId.EXPORT_HTML: ActionSpec(
            "Export as &HTML…", "Save the page as a web page that keeps your text size and colours",
        ),
        ActionId.EXPORT_TEXT: ActionSpec(
            "Export as plain &text…", "Save the page as plain text, in reading order",
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
            action.setCheckable(spec.checkable)
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
