"""Read aloud, driven through Qt's bundled "mock" speech engine (silent, reports every word).

The mock engine says one word every 50–150 ms (by rate), pauses after the current word and
reports each word with `sayingWord`; tests set the fastest rate to stay quick.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from qa_reader.speech import ReadState
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow
from qa_reader.ui.reader_view import HighlightLayer
from qa_reader.ui.speech_settings import VoiceSettingsDialog

from .conftest import Launcher, restart

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
WAIT_MS = 5000


def _highlighted(window: MainWindow, layer: HighlightLayer) -> list[str]:
    return [s.cursor.selectedText() for s in window.view.highlights(layer)]


def _sentence(window: MainWindow) -> str:
    texts = _highlighted(window, HighlightLayer.SPEECH_SENTENCE)
    return texts[0].replace("\u2028", "\n") if texts else ""


def _state(window: MainWindow) -> ReadState:
    return window.read_aloud.controller().state


@pytest.fixture
def fast(start_app: Launcher) -> Launcher:
    """Starts the app with the fastest speech rate already chosen."""

    def start(**kwargs: object) -> MainWindow:
        window = start_app(**kwargs)
        window._preferences.update(speech_rate=1.0)  # the mock says a word every 50 ms
        return window

    return start


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: object) -> None:
    qtbot.keyClick(window.view, key, modifiers)


def test_play_pause_resume_and_stop_with_the_keyboard(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    title = window.document.questions[0].title  # type: ignore[union-attr]

    _press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    qtbot.wait_until(lambda: _state(window) == ReadState.SPEAKING, timeout=WAIT_MS)
    assert _sentence(window) == title
    play = window.reader_actions[ActionId.READ_PLAY_PAUSE]
    assert play.text() == "&Pause"
    qtbot.wait_until(lambda: _highlighted(window, HighlightLayer.SPEECH_WORD) != [])

    _press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    engine = window.read_aloud.controller().engine
    assert engine is not None
    assert _state(window) == ReadState.PAUSED
    assert play.text() == "&Resume"
    qtbot.wait_until(lambda: engine.state() == QTextToSpeech.State.Paused, timeout=WAIT_MS)
    words = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))
    qtbot.wait(200)  # four words' time: a paused engine says nothing
    assert words == []
    assert _sentence(window) == title  # the place is kept while paused

    _press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)
    assert _state(window) == ReadState.SPEAKING
    qtbot.wait_until(lambda: words != [], timeout=WAIT_MS)

    _press(qtbot, window, Qt.Key.Key_Period, CTRL | SHIFT)
    assert _state(window) == ReadState.IDLE
    assert engine.state() == QTextToSpeech.State.Ready
    assert window.view.highlights(HighlightLayer.SPEECH_SENTENCE) == []
    assert window.view.highlights(HighlightLayer.SPEECH_WORD) == []
    assert not window.reader_actions[ActionId.READ_STOP].isEnabled()


def test_the_word_highlight_follows_the_engine_word_by_word(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    controller = window.read_aloud.controller()
    reported: list[str] = []
    marked: list[tuple[int, str]] = []

    def on_word(index: int, start: int, length: int) -> None:
        reported.append(controller.script[index].spoken[start : start + length])
        selection = window.view.highlights(HighlightLayer.SPEECH_WORD)[0]
        marked.append((selection.cursor.selectionStart(), selection.cursor.selectedText()))

    window.read_aloud.play_pause()
    controller.word_reached.connect(on_word)
    with qtbot.wait_signal(controller.utterance_started, timeout=WAIT_MS):
        pass  # the title is said; the details' first sentence begins
    qtbot.wait_until(lambda: controller.index >= 3, timeout=WAIT_MS)

    assert len(reported) > 20
    assert [text for _, text in marked] == reported  # each reported word is the one marked
    positions = [start for start, _ in marked]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    assert "38" in reported and "yesterday" in reported


def test_next_and_previous_sentence_and_answer(qtbot: QtBot, start_app: Launcher) -> None:
    window = start_app()
    window._preferences.update(speech_rate=-1.0)  # slow: nothing ends on its own meanwhile
    script_of = window.read_aloud.controller

    window.read_aloud.play_pause()
    qtbot.wait_until(lambda: _state(window) == ReadState.SPEAKING)
    _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | SHIFT)
    assert _sentence(window).startswith("I am 45 and have had a cold")
    _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | SHIFT)
    assert _sentence(window).startswith("Paracetamol helps for a few hours")
    _press(qtbot, window, Qt.Key.Key_BracketLeft, CTRL | SHIFT)
    assert _sentence(window).startswith("I am 45")

    _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | ALT)
    assert _sentence(window) == "Answer 1 of 4"
    _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | ALT)
    assert _sentence(window) == "Answer 2 of 4"
    _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | SHIFT)
    assert _sentence(window).startswith("Take ibuprofen with food")
    _press(qtbot, window, Qt.Key.Key_BracketLeft, CTRL | ALT)  # back to this answer's start
    assert _sentence(window) == "Answer 2 of 4"
    _press(qtbot, window, Qt.Key.Key_BracketLeft, CTRL | ALT)  # then to the one before
    assert _sentence(window) == "Answer 1 of 4"
    for _ in range(4):
        _press(qtbot, window, Qt.Key.Key_BracketRight, CTRL | ALT)
    assert _sentence(window) == "Medical disclaimer"  # the disclaimer comes last
    assert script_of().script[script_of().index].part.kind.value == "disclaimer"
    window.read_aloud.stop()


def test_read_selection_reads_only_the_selected_text(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    text = window.view.document().toRawText()
    start = text.index("Take ibuprofen with food")
    end = text.index("In those cases")
    cursor = window.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    action = window.reader_actions[ActionId.READ_SELECTION]
    assert action.isEnabled()
    controller = window.read_aloud.controller()
    marked: list[int] = []
    controller.word_reached.connect(
        lambda *_: marked.append(window.view.highlights(HighlightLayer.SPEECH_WORD)[0]
                                 .cursor.selectionStart())
    )

    with qtbot.wait_signal(controller.finished, timeout=WAIT_MS):
        action.trigger()
        assert _sentence(window).startswith("Take ibuprofen with food or milk")

    assert len(controller.script) == 2
    assert marked and all(start <= position < end for position in marked)
    assert _state(window) == ReadState.IDLE


def test_read_from_here_starts_at_the_text_cursor(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    text = window.view.document().toRawText()
    cursor = window.view.textCursor()
    cursor.setPosition(text.index("Remember that a fever") + 5)  # inside the sentence
    window.view.setTextCursor(cursor)

    window.reader_actions[ActionId.READ_FROM_HERE].trigger()

    assert _sentence(window) == "Remember that a fever is the body fighting the infection."
    assert "answer 3" in window.statusBar().currentMessage()
    window.read_aloud.stop()


def test_read_this_answer_stops_at_its_end(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    text = window.view.document().toRawText()
    cursor = window.view.textCursor()
    cursor.setPosition(text.index("Please see a doctor"))
    window.view.setTextCursor(cursor)
    controller = window.read_aloud.controller()
    said: list[str] = []
    controller.utterance_started.connect(lambda i: said.append(controller.script[i].shown))

    with qtbot.wait_signal(controller.finished, timeout=WAIT_MS):
        window.reader_actions[ActionId.READ_THIS_ANSWER].trigger()

    assert said[0] == "Answer 4 of 4"
    assert said[-1] == "Dr. Helen Okafor, Emergency Medicine"


def test_the_highlight_stays_on_its_word_when_the_text_grows(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    window.resize(700, 500)
    controller = window.read_aloud.controller()
    text = window.view.document().toRawText()
    cursor = window.view.textCursor()
    cursor.setPosition(text.index("Please see a doctor"))
    window.view.setTextCursor(cursor)
    window.reader_actions[ActionId.READ_FROM_HERE].trigger()
    qtbot.wait_until(lambda: len(_highlighted(window, HighlightLayer.SPEECH_WORD)) == 1)
    window.read_aloud.play_pause()  # pause
    engine = controller.engine
    assert engine is not None
    qtbot.wait_until(lambda: engine.state() == QTextToSpeech.State.Paused, timeout=WAIT_MS)
    word_before = window.view.highlights(HighlightLayer.SPEECH_WORD)[0].cursor
    marked = (word_before.selectionStart(), word_before.selectedText())

    for _ in range(4):
        _press(qtbot, window, Qt.Key.Key_Equal, CTRL)
    assert window.view.text_size() == 24  # 16 → 18 → 20 → 22 → 24 pt

    def word_in_view() -> bool:
        word = window.view.highlights(HighlightLayer.SPEECH_WORD)[0].cursor
        if (word.selectionStart(), word.selectedText()) != marked:
            return False
        probe = QTextCursor(window.view.document())
        probe.setPosition(word.selectionStart())
        rect = window.view.cursorRect(probe)
        return 0 <= rect.top() and rect.bottom() <= window.view.viewport().height()

    qtbot.wait_until(word_in_view)
    assert _sentence(window).startswith("Please see a doctor if the fever lasts")
    window.read_aloud.stop()


def test_a_theme_change_keeps_reading_and_recolours(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    window.read_aloud.play_pause()
    qtbot.wait_until(lambda: _state(window) == ReadState.SPEAKING)
    before = window.view.highlights(HighlightLayer.SPEECH_SENTENCE)[0].format.background()

    window._preferences.update(theme="dark")

    def recoloured() -> bool:
        marks = window.view.highlights(HighlightLayer.SPEECH_SENTENCE)
        return bool(marks) and marks[0].format.background() != before

    qtbot.wait_until(recoloured)
    assert _state(window) == ReadState.SPEAKING
    window.read_aloud.stop()


def test_opening_another_page_stops_reading_cleanly(
    qtbot: QtBot, fast: Launcher, tmp_path: Path
) -> None:
    window = fast()
    other = tmp_path / "other.txt"
    other.write_text("Another question?\n\nSome details.\n\nDoctors Answers (1)\n\n"
                     "An answer.\n-- Dr. A, GP\n", encoding="utf-8")
    window.read_aloud.play_pause()
    qtbot.wait_until(lambda: _state(window) == ReadState.SPEAKING)

    assert window.open_path(str(other))

    assert _state(window) == ReadState.IDLE
    assert window.view.highlights(HighlightLayer.SPEECH_SENTENCE) == []
    window.read_aloud.play_pause()  # the new page is read from its start
    assert _sentence(window) == "Another question?"
    window.read_aloud.stop()


def test_an_engine_that_stops_progressing_is_stopped_with_a_message(
    qtbot: QtBot, start_app: Launcher
) -> None:
    window = start_app()
    window._preferences.update(speech_rate=-1.0)  # a word only every 150 ms
    controller = window.read_aloud.controller()
    controller.ensure_engine()
    controller.stall_timeout_ms = 40  # far less than one word takes

    with qtbot.wait_signal(controller.stopped_by_problem, timeout=WAIT_MS):
        window.read_aloud.play_pause()

    assert _state(window) == ReadState.IDLE
    assert "stopped responding" in window.statusBar().currentMessage()
    assert window.view.highlights(HighlightLayer.SPEECH_SENTENCE) == []


def test_an_engine_error_stops_reading_with_its_message(qtbot: QtBot, fast: Launcher) -> None:
    window = fast()
    window.read_aloud.play_pause()
    controller = window.read_aloud.controller()
    engine = controller.engine
    assert engine is not None

    engine.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "audio device vanished")

    assert _state(window) == ReadState.IDLE
    assert "audio device vanished" in window.statusBar().currentMessage()


def test_voice_settings_persist_across_a_restart(qtbot: QtBot, start_app: Launcher) -> None:
    window = start_app()
    window.reader_actions[ActionId.VOICE_SETTINGS].trigger()
    dialog = window.findChild(VoiceSettingsDialog, "voice_settings_dialog")
    assert dialog is not None
    page = dialog.page
    page.language_combo.setCurrentIndex(page.language_combo.findData("en-GB"))
    page.voice_combo.setCurrentIndex(page.voice_combo.findData("Anne"))
    page.speed_slider.setValue(7)  # 1.4×
    page.pitch_slider.setValue(-2)
    page.volume_slider.setValue(5)
    assert page.speed_value.text() == "1.4\u00d7"
    assert page.speed_slider.accessibleName() == "Reading speed"
    dialog.accept()

    window = restart(window, start_app)
    current = window._preferences.current
    assert current.speech_voice == "Anne"
    assert current.speech_rate == pytest.approx(0.4)
    assert current.speech_pitch == pytest.approx(-0.4)
    assert current.speech_volume == 0.5
    window.read_aloud.play_pause()
    engine = window.read_aloud.controller().engine
    assert engine is not None
    assert engine.voice().name() == "Anne"
    assert engine.rate() == pytest.approx(0.4)
    assert engine.volume() == pytest.approx(0.25)  # half of the mock's normal volume, 0.5
    window.read_aloud.stop()


def test_the_voice_test_says_the_sample_sentence(qtbot: QtBot, start_app: Launcher) -> None:
    window = start_app()
    window.reader_actions[ActionId.VOICE_SETTINGS].trigger()
    dialog = window.findChild(VoiceSettingsDialog, "voice_settings_dialog")
    engine = window.read_aloud.controller().engine
    assert dialog is not None and engine is not None
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_: words.append(word))

    dialog.page.test_button.click()

    qtbot.wait_until(lambda: len(words) == 5, timeout=WAIT_MS)
    assert words == ["This", "is", "how", "I", "sound"]
    dialog.reject()


def test_a_voice_that_is_gone_falls_back_with_a_note(
    qtbot: QtBot, start_app: Launcher, config_dir: Path
) -> None:
    (config_dir / "qa-reader.ini").write_text(
        "[speech]\nvoice=Voice That Was Uninstalled\n", encoding="utf-8"
    )
    window = start_app()

    window.read_aloud.play_pause()

    engine = window.read_aloud.controller().engine
    assert engine is not None and engine.voice().name() in ("Bob", "Anne")
    assert "no longer installed" in window.statusBar().currentMessage()
    window.read_aloud.stop()


def test_without_an_engine_the_actions_are_disabled_and_explained(
    qtbot: QtBot, start_app: Launcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QA_READER_TTS_ENGINE", "no-such-engine")
    window = start_app()
    play = window.reader_actions[ActionId.READ_PLAY_PAUSE]
    help_action = window.reader_actions[ActionId.READ_ALOUD_HELP]

    qtbot.wait_until(lambda: not play.isEnabled())

    assert "not installed" in play.toolTip() and "Help" in play.toolTip()
    assert not window.reader_actions[ActionId.VOICE_SETTINGS].isEnabled()
    assert help_action.isVisible()
    _press(qtbot, window, Qt.Key.Key_U, CTRL | SHIFT)  # nothing happens, nothing breaks
    assert window.read_aloud.controller().engine is None
    help_action.trigger()
    box = window.findChild(QMessageBox, "read_aloud_help_dialog")
    assert box is not None
    assert "speech-dispatcher speech-dispatcher-espeak-ng" in box.text()
    box.accept()


def test_shortcuts_are_unique_across_all_actions(start_app: Launcher) -> None:
    window = start_app()
    seen: dict[str, str] = {}
    for action in window.reader_actions.all():
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            assert key not in seen, f"{key} used by {seen.get(key)} and {action.objectName()}"
            seen[key] = action.objectName()
    assert {"Ctrl+Shift+U", "Ctrl+Shift+.", "Ctrl+Shift+]", "Ctrl+Alt+]"} <= set(seen)


def test_start_up_does_not_create_the_speech_engine(start_app: Launcher) -> None:
    window = start_app()
    assert window.read_aloud._controller is None or not window.read_aloud.controller().has_engine
    toolbar = window.read_aloud.toolbar
    assert toolbar is not None and toolbar.isVisible()
    tool_buttons = [
        toolbar.widgetForAction(window.reader_actions[action_id])
        for action_id in (ActionId.READ_PLAY_PAUSE, ActionId.READ_STOP)
    ]
    assert [button.accessibleName() for button in tool_buttons] == ["Read aloud", "Stop reading"]
    assert all(button.focusPolicy() == Qt.FocusPolicy.TabFocus for button in tool_buttons)


def test_spoken_words_come_from_the_page_text(qtbot: QtBot, fast: Launcher) -> None:
    """Every word marked in the view is a word of the page (no "Font Size" clutter is read)."""
    window = fast()
    controller = window.read_aloud.controller()
    window.read_aloud.play_pause()
    said = " ".join(u.spoken for u in controller.script)
    assert "Font Size" not in said
    assert re.search(r"Answer 1 of 4 For most healthy adults", said)
    window.read_aloud.stop()



def test_the_context_menu_offers_read_from_the_clicked_place(
    qtbot: QtBot, fast: Launcher
) -> None:
    window = fast()
    text = window.view.document().toRawText()
    menu = QMenu(window.view)
    clicked = text.index("Rest and drink enough water") + 3

    window.view.context_menu_opening.emit(menu, clicked)  # what a right-click does
    entries = [action for action in menu.actions() if not action.isSeparator()]
    read_here = window.reader_actions[ActionId.READ_FROM_HERE]
    assert read_here in entries and window.reader_actions[ActionId.READ_SELECTION] in entries
    read_here.trigger()

    assert _sentence(window) == "Rest and drink enough water so that your urine stays pale."
    window.read_aloud.stop()
    menu.deleteLater()


def test_ctrl_click_on_the_next_button_skips_a_whole_answer(
    qtbot: QtBot, start_app: Launcher
) -> None:
    window = start_app()
    window._preferences.update(speech_rate=-1.0)
    toolbar = window.read_aloud.toolbar
    assert toolbar is not None
    next_button = toolbar.widgetForAction(window.reader_actions[ActionId.READ_NEXT_SENTENCE])
    window.read_aloud.play_pause()
    qtbot.wait_until(next_button.isEnabled)

    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert _sentence(window).startswith("I am 45")
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton, CTRL)
    assert _sentence(window) == "Answer 1 of 4"
    window.read_aloud.stop()
