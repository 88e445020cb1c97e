"""Read aloud in the window: actions, menu, toolbar, highlights and status messages.

The speech engine module (QtTextToSpeech) is imported only when read aloud is first
needed: importing it, and even more creating the engine, would slow the start. A short
while after the window is shown, a cheap check (the list of installed engines) disables the
actions with an explanation when no engine exists.

Highlights go through `ReaderView.set_highlights` (layers SPEECH_SENTENCE and SPEECH_WORD).
They are character positions in the view's document, so a text-size change keeps them on
the right words; a re-render of the same document (a theme change) finds them again, and a
different document stops reading.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from ..document import Document
from ..preferences import Preferences, PreferencesModel
from .actions import ActionId, Actions
from .actions import _icon as action_icon  # the same theme-or-bundled lookup as every action
from .labels import translated_render_labels
from .reader_view import HighlightLayer, ReaderView

if TYPE_CHECKING:
    from ..speech import ReadState, SpeechController
    from ..speech_text import HighlightColours, Location, Part, Utterance

# The script maker (speech_text) is imported where reading starts, like the engine: neither
# is needed to show the player bar, and the first paint should not wait for them.

log = logging.getLogger(__name__)

TOOLBAR_ICON_SIZE = 32
STATUS_MESSAGE_MS = 8000
AVAILABILITY_CHECK_DELAY_MS = 300
"""After the window is shown: late enough to stay off the first paint."""

_PLAY_ICON = "media-playback-start"
_PAUSE_ICON = "media-playback-pause"


class ReadAloud(QObject):
    """Everything read aloud adds to the main window."""

    def __init__(
        self,
        window: QMainWindow,
        view: ReaderView,
        actions: Actions,
        preferences: PreferencesModel,
        current_document: Callable[[], Document | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._view = view
        self._actions = actions
        self._preferences = preferences
        self._current_document = current_document
        self._controller: SpeechController | None = None
        self._script_document: Document | None = None
        self._reading_selection = False
        self._locations: list[Location | None] = []
        self._last_part: Part | None = None
        self._word: tuple[int, int] | None = None  # (start, end) document positions
        self._context_position: int | None = None
        self._checked = False
        self._told_voice_note = False
        self._voice_note: str | None = None
        self._settings_dialog: QWidget | None = None
        self.toolbar: QToolBar | None = None
        self._connect()
        self._update_actions()
        window.installEventFilter(self)

    # -- building -------------------------------------------------------------------------

    def _action(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def build_toolbar(self) -> QToolBar:
        """The player bar (Play/Pause, Stop, Previous, Next); built after the main toolbar so
        Tab reaches it after the main toolbar's buttons."""
        toolbar = QToolBar(self.tr("Read aloud"), self._window)
        toolbar.setObjectName("read_aloud_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.setIconSize(QSize(TOOLBAR_ICON_SIZE, TOOLBAR_ICON_SIZE))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.toggleViewAction().setVisible(False)
        font = toolbar.font()
        font.setPointSizeF(max(12.0, self._window.font().pointSizeF() * 1.3))
        toolbar.setFont(font)
        for action_id in (ActionId.READ_PLAY_PAUSE, ActionId.READ_STOP,
                          ActionId.READ_PREVIOUS_SENTENCE, ActionId.READ_NEXT_SENTENCE):
            action = self._action(action_id)
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(Actions.accessible_name(action))
            button.setAccessibleDescription(action.statusTip())
            if action_id == ActionId.READ_PLAY_PAUSE and isinstance(button, QToolButton):
                # The main control says what it does; the others are known by their icons.
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            if action_id in (ActionId.READ_PREVIOUS_SENTENCE, ActionId.READ_NEXT_SENTENCE):
                button.installEventFilter(self)
        self.toolbar = toolbar
        self._update_actions()
        return toolbar

    def fill_menu(self, menu: QMenu) -> None:
        menu.setObjectName("read_aloud_menu")
        for action_id in (ActionId.READ_PLAY_PAUSE, ActionId.READ_STOP, None,
                          ActionId.READ_FROM_HERE, ActionId.READ_SELECTION,
                          ActionId.READ_QUESTION, ActionId.READ_THIS_ANSWER, None,
                          ActionId.READ_PREVIOUS_SENTENCE, ActionId.READ_NEXT_SENTENCE,
                          ActionId.READ_PREVIOUS_ANSWER, ActionId.READ_NEXT_ANSWER, None,
                          ActionId.VOICE_SETTINGS):
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self._action(action_id))

    def _connect(self) -> None:
        self._action(ActionId.READ_PLAY_PAUSE).triggered.connect(self.play_pause)
        self._action(ActionId.READ_STOP).triggered.connect(self.stop)
        self._action(ActionId.READ_NEXT_SENTENCE).triggered.connect(lambda: self._step(+1, False))
        self._action(ActionId.READ_PREVIOUS_SENTENCE).triggered.connect(
            lambda: self._step(-1, False))
        self._action(ActionId.READ_NEXT_ANSWER).triggered.connect(lambda: self._step(+1, True))
        self._action(ActionId.READ_PREVIOUS_ANSWER).triggered.connect(lambda: self._step(-1, True))
        self._action(ActionId.READ_FROM_HERE).triggered.connect(self.read_from_here)
        self._action(ActionId.READ_SELECTION).triggered.connect(self.read_selection)
        self._action(ActionId.READ_QUESTION).triggered.connect(self.read_question)
        self._action(ActionId.READ_THIS_ANSWER).triggered.connect(self.read_this_answer)
        self._action(ActionId.VOICE_SETTINGS).triggered.connect(self.show_voice_settings)
        self._action(ActionId.READ_ALOUD_HELP).triggered.connect(self.show_help)
        self._action(ActionId.READ_ALOUD_HELP).setVisible(False)
        self._view.textChanged.connect(self._on_view_text_changed)
        self._view.selectionChanged.connect(self._update_actions)
        self._view.context_menu_opening.connect(self._add_to_context_menu)
        self._preferences.changed.connect(self._on_preferences_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._window and event.type() == QEvent.Type.Show and not self._checked:
            self._checked = True
            QTimer.singleShot(AVAILABILITY_CHECK_DELAY_MS, self.check_availability)
        elif (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QToolButton)
        ):
            # Ctrl+click on Previous/Next steps by answer instead of by sentence.
            next_action = self._action(ActionId.READ_NEXT_SENTENCE)
            next_button = self.toolbar.widgetForAction(next_action) if self.toolbar else None
            self._step(+1 if watched is next_button else -1, True)
            watched.setDown(False)
            return True
        return super().eventFilter(watched, event)

    # -- the engine -----------------------------------------------------------------------

    def controller(self) -> SpeechController:
        if self._controller is None:
            from ..speech import SpeechController

            controller = SpeechController(self)
            controller.state_changed.connect(self._on_state_changed)
            controller.utterance_started.connect(self._on_utterance)
            controller.word_reached.connect(self._on_word)
            controller.finished.connect(self._on_finished)
            controller.stopped_by_problem.connect(self._on_problem)
            self._controller = controller
        return self._controller

    def check_availability(self) -> None:
        """Disables read aloud, with the reason, when no engine can exist (cheap check)."""
        self._update_actions()

    def _ensure_engine(self) -> bool:
        controller = self.controller()
        if not controller.has_engine:
            self._window.statusBar().showMessage(self.tr("Starting the speech engine…"))
            self._window.statusBar().repaint()
            if not controller.ensure_engine():
                self._update_actions()
                self._window.statusBar().showMessage(
                    self._unavailable_text(controller.problem() or ""), STATUS_MESSAGE_MS)
                return False
            self._window.statusBar().clearMessage()
        self._apply_voice_settings(self._preferences.current)
        return True

    def _apply_voice_settings(self, preferences: Preferences) -> None:
        controller = self.controller()
        if not controller.has_engine:
            return
        note = controller.apply_voice(preferences.speech_voice, self._reading_language())
        controller.apply_prosody(
            preferences.speech_rate, preferences.speech_pitch, preferences.speech_volume
        )
        if note and not self._told_voice_note:
            self._told_voice_note = True
            self._voice_note = note  # said with the next status message, so it stays seen
            self._window.statusBar().showMessage(note, STATUS_MESSAGE_MS)

    @staticmethod
    def _reading_language() -> QLocale:
        """The documents carry no language yet: the desktop's, or English under the "C"
        locale, whose default voice would otherwise be a poor guess."""
        system = QLocale.system()
        if system.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
            return QLocale("en_GB")
        return system

    def _unavailable_text(self, reason: str) -> str:
        return self.tr("{reason} Read aloud is not available; see Help → Read aloud needs a "
                       "speech engine.").format(reason=reason)

    # -- what the user asks ------------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._controller is not None and self._controller.state.value != "idle"

    def play_pause(self) -> None:
        if self.reading:
            self.controller().toggle()
            return
        if self._prepare_script():
            self._play(self._index_at(self._top_visible_position()))

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
        self._clear_highlights()

    def read_from_here(self) -> None:
        position = self._context_position
        self._context_position = None
        if position is None:
            position = self._view.textCursor().position()
        if self._prepare_script():
            self._play(self._index_at(position))

    def read_selection(self) -> None:
        from ..speech_text import selection_script

        cursor = self._view.textCursor()
        if not cursor.hasSelection() or not self._prepare_script():
            return
        start = cursor.selectionStart()
        part = self._script_part_at(start)
        script = selection_script(cursor.selectedText(), part)
        if not script:
            return
        self._set_script(script, selection=True, search_from=start)
        self._play(0)

    def read_question(self) -> None:
        from ..speech_text import PartKind, part_start

        if not self._prepare_script():
            return
        script = self.controller().script
        index = self._index_at(self._view.textCursor().position())
        if index < 0:
            index = len(script) - 1
        while index > 0 and script[index].part.kind != PartKind.QUESTION:
            index -= 1
        index = part_start(script, max(index, 0))
        self._play(index, part_only=True)

    def read_this_answer(self) -> None:
        from ..speech_text import PartKind, part_start

        if not self._prepare_script():
            return
        index = self._index_at(self._view.textCursor().position())
        script = self.controller().script
        if index < 0:
            return
        if script[index].part.kind != PartKind.ANSWER:
            following = [i for i in range(index, len(script))
                         if script[i].part.kind == PartKind.ANSWER]
            if not following:
                self._window.statusBar().showMessage(
                    self.tr("There is no answer to read here."), STATUS_MESSAGE_MS)
                return
            index = following[0]
        self._play(part_start(script, index), part_only=True)

    def _step(self, direction: int, by_answer: bool) -> None:
        if not self.reading:
            return
        if by_answer:
            self.controller().step_answer(direction)
        else:
            self.controller().step_sentence(direction)

    def _play(self, index: int, part_only: bool = False) -> None:
        if not self._ensure_engine():
            return
        if index < 0:
            self._window.statusBar().showMessage(
                self.tr("There is nothing more to read from here."), STATUS_MESSAGE_MS)
            return
        self._last_part = None
        self.controller().play(index, part_only=part_only)

    # -- the script and where it is ----------------------------------------------------------

    def _prepare_script(self) -> bool:
        """Builds the script of the shown document (unless it is current); False if none."""
        from ..speech_text import build_script

        document = self._current_document()
        if document is None:
            return False
        if self._script_document is not document or self._reading_selection:
            if not self._ensure_engine():
                return False
            self._script_document = document
            self._set_script(build_script(document, translated_render_labels()))
        return bool(self.controller().script)

    def _set_script(
        self, script: tuple[Utterance, ...], selection: bool = False, search_from: int = 0
    ) -> None:
        self._reading_selection = selection
        self.controller().set_script(script)
        self._clear_highlights()
        self._locate(search_from)

    def _locate(self, search_from: int = 0) -> None:
        from ..speech_text import locate_script

        document = self._view.document()
        text = document.toRawText()
        if self._reading_selection:
            anchors: dict[str, int] = {}
            script = self.controller().script
            if script:
                anchors[script[0].part.anchor] = search_from
        else:
            anchors = self._view.anchor_positions()
        self._locations = locate_script(text, anchors, self.controller().script)

    def _index_at(self, position: int) -> int:
        """The first utterance that ends after `position`; -1 when none does."""
        for index, location in enumerate(self._locations):
            if location is not None and location.end > position:
                return index
        return -1

    def _script_part_at(self, position: int) -> Part:
        from ..speech_text import Part, PartKind

        index = self._index_at(position)
        script = self.controller().script
        if index < 0 or not script:
            return Part(PartKind.QUESTION, "question-1", 1)
        return script[index].part

    def _top_visible_position(self) -> int:
        if self._view.verticalScrollBar().value() <= 0:
            return 0
        return self._view.cursorForPosition(QPoint(0, 0)).position()

    # -- following the engine ----------------------------------------------------------------

    def _on_state_changed(self, state: ReadState) -> None:
        from ..speech import ReadState

        if state == ReadState.IDLE:
            self._clear_highlights()
        elif state == ReadState.PAUSED:
            self._window.statusBar().showMessage(self.tr("Reading paused."))
        self._update_actions()

    def _on_utterance(self, index: int) -> None:
        if not 0 <= index < len(self._locations):
            return
        utterance = self.controller().script[index]
        if utterance.part != self._last_part and not self._reading_selection:
            self._last_part = utterance.part
            self._announce(utterance.part)
        self._word = None
        self._view.set_highlights(HighlightLayer.SPEECH_WORD, [])
        location = self._locations[index]
        if location is None:
            self._view.set_highlights(HighlightLayer.SPEECH_SENTENCE, [])
            return
        colours = self._colours()
        self._view.set_highlights(HighlightLayer.SPEECH_SENTENCE, [_selection(
            self._view, location.start, location.end,
            colours.sentence_background, colours.sentence_text)])
        self._keep_visible(location.start)

    def _on_word(self, index: int, start: int, length: int) -> None:
        if not 0 <= index < len(self._locations):
            return
        location = self._locations[index]
        if location is None:
            return
        utterance = self.controller().script[index]
        first, last = utterance.shown_range(start, length)
        word = (location.position(first), location.position(last))
        if word[1] <= word[0]:
            return
        self._word = word
        self._paint_word()
        self._keep_visible(word[0])

    def _paint_word(self) -> None:
        if self._word is None:
            return
        colours = self._colours()
        self._view.set_highlights(HighlightLayer.SPEECH_WORD, [_selection(
            self._view, *self._word, colours.word_background, colours.word_text, bold=True)])

    def _on_finished(self) -> None:
        self._window.statusBar().showMessage(self.tr("Finished reading."), STATUS_MESSAGE_MS)

    def _on_problem(self, message: str) -> None:
        self._clear_highlights()
        self._window.statusBar().showMessage(message)

    def _announce(self, part: Part) -> None:
        from ..speech_text import PartKind

        if part.kind == PartKind.QUESTION:
            text = self.tr("Reading the question.")
        elif part.kind == PartKind.ANSWER:
            text = self.tr("Reading answer {number}.").format(number=part.answer)
        else:
            text = self.tr("Reading the medical disclaimer.")
        if self._voice_note:
            text = f"{text} {self._voice_note}"
            self._voice_note = None
        self._window.statusBar().showMessage(text)

    def _colours(self) -> HighlightColours:
        from ..speech_text import highlight_colours

        palette = self._view.palette()
        dark = palette.color(palette.ColorRole.Base).lightness() < 128
        return highlight_colours(self._preferences.current.theme, dark)

    def _keep_visible(self, position: int) -> None:
        """Scrolls only when the word leaves the middle band of the view, then puts it a
        third of the way down: the page moves seldom and by whole screenfuls of reading."""
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(min(position, self._view.document().characterCount() - 1))
        rect = self._view.cursorRect(cursor)
        height = self._view.viewport().height()
        margin = max(rect.height(), height // 8)
        if rect.top() >= margin and rect.bottom() <= height - margin:
            return
        bar = self._view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - height // 3)

    def _clear_highlights(self) -> None:
        self._word = None
        self._view.set_highlights(HighlightLayer.SPEECH_WORD, [])
        self._view.set_highlights(HighlightLayer.SPEECH_SENTENCE, [])

    # -- changes around us ---------------------------------------------------------------------

    def _on_view_text_changed(self) -> None:
        if self._controller is None:
            return
        if self._current_document() is self._script_document and not self._reading_selection:
            # The same document drawn again (another theme): find the sentences anew.
            QTimer.singleShot(0, self._relocate)
            return
        if self.reading:
            self._controller.stop()
            self._window.statusBar().showMessage(
                self.tr("Reading stopped: another page was opened."), STATUS_MESSAGE_MS)
        self._script_document = None
        self._locations = []

    def _relocate(self) -> None:
        if self._controller is None or not self._controller.script:
            return
        self._locate()
        if self.reading and self._controller.index >= 0:
            word = self._word
            self._on_utterance(self._controller.index)
            self._word = word
            self._paint_word()

    def _on_preferences_changed(self, preferences: Preferences) -> None:
        if self._controller is not None and self._controller.has_engine:
            self._apply_voice_settings(preferences)
        if self.reading:
            # A theme or text-size change: repaint the marks, keep the word in view.
            QTimer.singleShot(0, self._refresh_marks)

    def _refresh_marks(self) -> None:
        if self._controller is None or not self.reading or self._controller.index < 0:
            return
        word = self._word
        self._on_utterance(self._controller.index)
        self._word = word
        self._paint_word()
        if word is not None:
            self._keep_visible(word[0])

    def _add_to_context_menu(self, menu: QMenu, position: int) -> None:
        menu.addSeparator()
        self._context_position = position
        menu.addAction(self._action(ActionId.READ_FROM_HERE))
        menu.addAction(self._action(ActionId.READ_SELECTION))
        menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._forget_context_position))

    def _forget_context_position(self) -> None:
        self._context_position = None

    # -- actions' state ---------------------------------------------------------------------

    def _update_actions(self) -> None:
        problem = None
        if self._checked or self._controller is not None:
            problem = self.controller().problem()
        reading = self.reading
        paused = reading and self.controller().state.value == "paused"
        play = self._action(ActionId.READ_PLAY_PAUSE)
        if reading and not paused:
            play.setText(self.tr("&Pause"))
            play.setIcon(_themed_icon(_PAUSE_ICON))
            tip = self.tr("Pause reading aloud")
        else:
            play.setText(self.tr("&Resume") if paused else self.tr("&Read aloud"))
            play.setIcon(_themed_icon(_PLAY_ICON))
            tip = (self.tr("Go on reading aloud") if paused
                   else self.tr("Read the page aloud from what is on screen"))
        keys = play.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        play.setStatusTip(tip)
        play.setToolTip(f"{tip} ({keys})")
        button = self.toolbar.widgetForAction(play) if self.toolbar is not None else None
        if button is not None:
            button.setAccessibleName(Actions.accessible_name(play))
        all_ids = (ActionId.READ_PLAY_PAUSE, ActionId.READ_FROM_HERE, ActionId.READ_SELECTION,
                   ActionId.READ_QUESTION, ActionId.READ_THIS_ANSWER, ActionId.VOICE_SETTINGS,
                   ActionId.READ_STOP, ActionId.READ_PREVIOUS_SENTENCE,
                   ActionId.READ_NEXT_SENTENCE, ActionId.READ_PREVIOUS_ANSWER,
                   ActionId.READ_NEXT_ANSWER)
        help_action = self._action(ActionId.READ_ALOUD_HELP)
        if problem is not None:
            explanation = self._unavailable_text(problem)
            for action_id in all_ids:
                action = self._action(action_id)
                action.setEnabled(False)
                action.setToolTip(explanation)
                action.setStatusTip(explanation)
            help_action.setVisible(True)
            return
        help_action.setVisible(False)
        for action_id in all_ids[:6]:
            self._action(action_id).setEnabled(True)
        self._action(ActionId.READ_SELECTION).setEnabled(self._view.textCursor().hasSelection())
        for action_id in all_ids[6:]:
            self._action(action_id).setEnabled(reading)

    # -- dialogs -------------------------------------------------------------------------------

    def show_voice_settings(self) -> None:
        from .speech_settings import VoiceSettingsDialog

        if not self._ensure_engine():
            return
        if self._settings_dialog is not None:
            self._settings_dialog.raise_()
            self._settings_dialog.activateWindow()
            return
        dialog = VoiceSettingsDialog(self.controller(), self._preferences, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_settings_dialog)
        dialog.finished.connect(lambda: self._apply_voice_settings(self._preferences.current))
        self._settings_dialog = dialog
        dialog.open()

    def _forget_settings_dialog(self) -> None:
        self._settings_dialog = None

    def show_help(self) -> None:
        reason = self.controller().problem() or ""
        text = self.tr(
            "<p>{reason}</p>"
            "<p>Q&amp;A Reader reads aloud with the voices your computer already has; "
            "nothing is sent over the internet.</p>"
            "<ul><li><b>Debian, Ubuntu:</b> install the packages "
            "<code>speech-dispatcher speech-dispatcher-espeak-ng</code> "
            "(for example <code>sudo apt install speech-dispatcher "
            "speech-dispatcher-espeak-ng</code>), then start Q&amp;A Reader again.</li>"
            "<li><b>Other Linux systems:</b> install Speech Dispatcher with the espeak-ng "
            "voices.</li>"
            "<li><b>Windows:</b> add a voice in Settings → Time &amp; language → Speech.</li>"
            "<li><b>macOS:</b> add a voice in System Settings → Accessibility → Spoken "
            "Content.</li></ul>"
        ).format(reason=reason)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Read aloud"), text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("read_aloud_help_dialog")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _themed_icon(name: str) -> QIcon:
    return action_icon(name)


def _selection(
    view: ReaderView, start: int, end: int, background: str, text: str, bold: bool = False
) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format.setBackground(QColor(background))
    selection.format.setForeground(QColor(text))
    if bold:
        selection.format.setFontUnderline(True)
    return selection


