"""Read aloud over Qt's QTextToSpeech: one utterance at a time, with pause, skipping and timeouts.

The controller says the utterances of a reading script (see speech_text) one after the
other. It owns the QTextToSpeech object and creates it lazily, on first use: with
speech-dispatcher that takes about two seconds, which must never delay start-up.

Which engine: the platform's default, or the one named by ``QA_READER_TTS_ENGINE`` (tests
use Qt's "mock" engine; a name that is not installed means "no engine", which is how the
no-engine path is exercised for real).

The engine is watched: an error stops reading with a message, and so does an engine that
stays "speaking" without progress (speech-dispatcher does that when no audio output
works) — `stall_timeout_ms` after the last sign of life.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

from .speech_text import PartKind, Utterance, next_part_start, part_start, previous_part_start

log = logging.getLogger(__name__)

ENGINE_ENV = "QA_READER_TTS_ENGINE"
"""Environment variable naming the text-to-speech engine to use (e.g. "mock", "speechd")."""

LINUX_PACKAGES = "speech-dispatcher speech-dispatcher-espeak-ng"
"""What to install on Debian and Ubuntu for voices (espeak-ng comes with the second)."""

STALL_TIMEOUT_MS = 15_000
"""How long an engine may report "speaking" without a word, a state change or an end."""
STALL_PER_WORD_MS = 900
"""Added per word when the engine does not report words (the slowest speed, with margin)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReadAloud", text)


class ReadState(enum.Enum):
    IDLE = "idle"
    SPEAKING = "speaking"
    PAUSED = "paused"


@dataclass(frozen=True)
class VoiceInfo:
    name: str
    locale: str
    """BCP 47 name, e.g. "en-GB"."""
    language: str
    """The language's name in that language, e.g. "English" / "Deutsch", for menus."""
    voice: QVoice


def requested_engine() -> str | None:
    name = os.environ.get(ENGINE_ENV, "").strip()
    return name or None


def engine_problem() -> str | None:
    """Why read aloud cannot work here, cheaply (no engine is created); None if it may."""
    engines = QTextToSpeech.availableEngines()
    wanted = requested_engine()
    if not engines:
        return _tr("No text-to-speech engine is installed.")
    if wanted is not None and wanted not in engines:
        return _tr("The text-to-speech engine “{name}” is not installed.").format(name=wanted)
    return None


class SpeechController(QObject):
    state_changed = Signal(object)
    """The new ReadState."""
    utterance_started = Signal(int)
    """Index of the utterance now being said."""
    word_reached = Signal(int, int, int)
    """(utterance index, start, length) of the word being said, in the utterance's spoken text."""
    finished = Signal()
    """The end of the script (or of the part being read alone) was reached."""
    stopped_by_problem = Signal(str)
    """Reading stopped because of the engine; the sentence is for the reader."""
    engine_ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: QTextToSpeech | None = None
        self._unusable: str | None = None
        self._script: tuple[Utterance, ...] = ()
        self._index = -1
        self._end = -1  # one past the last utterance to read
        self._state = ReadState.IDLE
        self._pending: int | None = None  # utterance to start once the engine is Ready
        self._sample: str | None = None
        self._finished_while_paused = False  # the sentence ended just as pause was asked
        self._stopping_for_pause = False  # pausing an engine that cannot pause: it stops
        self._voices: list[VoiceInfo] | None = None
        self._normal_volume = 1.0
        self.stall_timeout_ms = STALL_TIMEOUT_MS
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_stalled)

    # -- the engine ------------------------------------------------------------------------

    @property
    def engine(self) -> QTextToSpeech | None:
        return self._engine

    @property
    def has_engine(self) -> bool:
        return self._engine is not None

    def problem(self) -> str | None:
        """Why reading is impossible, without creating the engine; None when it may work."""
        return self._unusable or engine_problem()

    def ensure_engine(self) -> bool:
        """Creates the engine on first use; False (see `problem()`) when there is none."""
        if self._engine is not None:
            return True
        if self._unusable is not None:
            return False
        reason = engine_problem()
        if reason is not None:
            self._unusable = reason
            return False
        name = requested_engine()
        engine = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        if engine.state() == QTextToSpeech.State.Error:
            self._unusable = _tr("The text-to-speech engine could not start: {error}").format(
                error=engine.errorString() or engine.errorReason().name
            )
            log.warning("speech engine %s unusable: %s", engine.engine(), engine.errorString())
            engine.deleteLater()
            return False
        self._engine = engine
        self._normal_volume = engine.volume() or 1.0
        if not self.voices():
            self._engine = None
            engine.deleteLater()
            self._unusable = _tr("The text-to-speech engine has no voices installed.")
            return False
        log.info("speech engine %s ready with %d voices", engine.engine(), len(self.voices()))
        engine.stateChanged.connect(self._on_engine_state)
        engine.sayingWord.connect(self._on_word)
        engine.errorOccurred.connect(self._on_engine_error)
        self.engine_ready.emit()
        return True

    def voices(self) -> list[VoiceInfo]:
        """Every voice of every language the engine offers (asked once, then remembered)."""
        if self._engine is None:
            return []
        if self._voices is None:
            engine = self._engine
            original = engine.locale()
            original_voice = engine.voice()
            found: dict[tuple[str, str], VoiceInfo] = {}
            for locale in engine.availableLocales():
                if locale != engine.locale():
                    engine.setLocale(locale)
                for voice in engine.availableVoices():
                    voice_locale = voice.locale()
                    key = (voice.name(), voice_locale.bcp47Name())
                    found.setdefault(key, VoiceInfo(
                        voice.name(), voice_locale.bcp47Name(),
                        voice_locale.nativeLanguageName() or voice_locale.bcp47Name(), voice,
                    ))
            if engine.locale() != original:
                engine.setLocale(original)
            if engine.voice() != original_voice:
                engine.setVoice(original_voice)
            self._voices = sorted(found.values(), key=lambda v: (v.language, v.locale, v.name))
        return list(self._voices)

    def apply_voice(self, voice_name: str | None, language: QLocale) -> str | None:
        """Chooses the voice by name, else the default one for `language`.

        Returns a note for the reader when the named voice is gone.
        """
        if self._engine is None:
            return None
        voices = self.voices()
        if voice_name:
            for info in voices:
                if info.name == voice_name:
                    if self._engine.voice() != info.voice:
                        self._engine.setVoice(info.voice)
                    return None
        note = None
        if voice_name:
            note = _tr("The voice “{name}” is no longer installed; the default voice is used.")
            note = note.format(name=voice_name)
            log.warning("stored voice %r not found; using the default", voice_name)
        self._choose_language(language)
        return note

    def _choose_language(self, language: QLocale) -> None:
        assert self._engine is not None
        locales = self._engine.availableLocales()
        exact = [loc for loc in locales if loc.bcp47Name() == language.bcp47Name()]
        same = [loc for loc in locales if loc.language() == language.language()]
        english = [loc for loc in locales if loc.language() == QLocale.Language.English]
        for choice in (exact, same, english):
            if choice:
                if self._engine.locale() != choice[0]:
                    self._engine.setLocale(choice[0])
                return

    def apply_prosody(self, rate: float, pitch: float, volume: float) -> None:
        """`volume` is a share (0–1) of the engine's normal volume."""
        if self._engine is None:
            return
        self._engine.setRate(rate)
        self._engine.setPitch(pitch)
        self._engine.setVolume(volume * self._normal_volume)

    def can_pause(self) -> bool:
        return self._engine is not None and bool(
            self._engine.engineCapabilities() & QTextToSpeech.Capability.PauseResume
        )

    # -- the script --------------------------------------------------------------------------

    @property
    def state(self) -> ReadState:
        return self._state

    @property
    def index(self) -> int:
        """The utterance being (or last) said; -1 before reading."""
        return self._index

    @property
    def script(self) -> tuple[Utterance, ...]:
        return self._script

    def set_script(self, script: Sequence[Utterance]) -> None:
        """A new text to read; stops any reading of the old one."""
        self.stop()
        self._script = tuple(script)
        self._index = -1

    def play(self, index: int = 0, part_only: bool = False) -> bool:
        """Reads from utterance `index` to the end (or to the end of its part)."""
        if not self.ensure_engine() or not 0 <= index < len(self._script):
            return False
        self._sample = None
        self._end = len(self._script)
        if part_only:
            part = self._script[index].part
            self._end = index
            while self._end < len(self._script) and self._script[self._end].part == part:
                self._end += 1
        self._go_to(index)
        return True

    def pause(self) -> None:
        if self._state != ReadState.SPEAKING or self._engine is None:
            return
        self._set_state(ReadState.PAUSED)
        self._watchdog.stop()
        if self.can_pause():
            self._engine.pause(QTextToSpeech.BoundaryHint.Word)
        else:
            # Without pause support, resuming says the sentence again from its start.
            self._pending = None
            self._stopping_for_pause = True
            self._engine.stop(QTextToSpeech.BoundaryHint.Immediate)

    def resume(self) -> None:
        if self._state != ReadState.PAUSED or self._engine is None:
            return
        if self.can_pause() and self._engine.state() == QTextToSpeech.State.Paused:
            self._set_state(ReadState.SPEAKING)
            self._engine.resume()
            self._arm_watchdog()
        elif self._finished_while_paused:
            self._finished_while_paused = False
            if self._index + 1 < self._end:
                self._go_to(self._index + 1)
            else:
                self._set_state(ReadState.IDLE)
                self.finished.emit()
        else:
            self._go_to(max(self._index, 0))

    def toggle(self) -> None:
        if self._state == ReadState.SPEAKING:
            self.pause()
        elif self._state == ReadState.PAUSED:
            self.resume()

    def stop(self) -> None:
        self._pending = None
        self._sample = None
        self._watchdog.stop()
        was = self._state
        self._set_state(ReadState.IDLE)
        self._finished_while_paused = False
        self._stopping_for_pause = False
        if self._engine is not None and (was != ReadState.IDLE or self._engine_busy()):
            self._engine.stop(QTextToSpeech.BoundaryHint.Immediate)

    def step_sentence(self, direction: int) -> None:
        if self._state == ReadState.IDLE or not self._script:
            return
        target = self._index + direction
        if 0 <= target < len(self._script):
            self._end = len(self._script)
            self._go_to(target)

    def step_answer(self, direction: int) -> None:
        if self._state == ReadState.IDLE or not self._script:
            return
        kinds = (PartKind.ANSWER, PartKind.DISCLAIMER)
        if direction > 0:
            target = next_part_start(self._script, self._index, kinds)
        else:
            start = part_start(self._script, self._index)
            # Like a music player: "previous" first goes back to the start of this answer.
            target = (
                previous_part_start(self._script, self._index, (*kinds, PartKind.QUESTION))
                if start == self._index
                else start
            )
        if target >= 0:
            self._end = len(self._script)
            self._go_to(target)

    def say_sample(self, text: str) -> bool:
        """Says `text` alone (the voice preview); stops any reading first."""
        if not self.ensure_engine():
            return False
        assert self._engine is not None
        self.stop()
        self._sample = text
        self._engine.say(text)
        return True

    # -- saying ---------------------------------------------------------------------------

    def _go_to(self, index: int) -> None:
        assert self._engine is not None
        self._index = index
        self._finished_while_paused = False
        self._stopping_for_pause = False
        self._set_state(ReadState.SPEAKING)
        if self._engine_busy():
            # The next sentence starts once the engine confirms it has stopped; starting it
            # at once would let the old sentence's late "ready" end the new one.
            self._pending = index
            self._arm_watchdog()
            self._engine.stop(QTextToSpeech.BoundaryHint.Immediate)
            if self._pending is not None and not self._engine_busy():
                self._start_pending()
            return
        self._pending = index
        self._start_pending()

    def _start_pending(self) -> None:
        assert self._engine is not None
        index = self._pending
        self._pending = None
        if index is None or self._state == ReadState.IDLE:
            return
        if self._state == ReadState.PAUSED:
            self._set_state(ReadState.SPEAKING)
        self._index = index
        self.utterance_started.emit(index)
        self._arm_watchdog()
        self._engine.say(self._script[index].spoken)

    def _engine_busy(self) -> bool:
        return self._engine is not None and self._engine.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Paused,
            QTextToSpeech.State.Synthesizing,
        )

    def _arm_watchdog(self) -> None:
        timeout = self.stall_timeout_ms
        engine = self._engine
        reports_words = engine is not None and bool(
            engine.engineCapabilities() & QTextToSpeech.Capability.WordByWordProgress
        )
        if not reports_words and 0 <= self._index < len(self._script):
            timeout += STALL_PER_WORD_MS * len(self._script[self._index].spoken.split())
        self._watchdog.start(timeout)

    def _on_engine_state(self, state: QTextToSpeech.State) -> None:
        log.debug("engine state %s (reading %s)", state.name, self._state.value)
        if state == QTextToSpeech.State.Error:
            self._on_engine_error(self._engine.errorReason() if self._engine else None,
                                  self._engine.errorString() if self._engine else "")
            return
        if state != QTextToSpeech.State.Ready:
            if state == QTextToSpeech.State.Speaking and self._state == ReadState.SPEAKING:
                self._arm_watchdog()
            return
        if self._sample is not None:
            self._sample = None
            return
        if self._pending is not None:
            self._start_pending()
            return
        if self._state == ReadState.PAUSED:
            if self._stopping_for_pause:
                self._stopping_for_pause = False
            else:
                self._finished_while_paused = True
            return
        if self._state != ReadState.SPEAKING:
            return
        following = self._index + 1
        if following < self._end:
            self._pending = following
            self._start_pending()
        else:
            self._watchdog.stop()
            self._set_state(ReadState.IDLE)
            self.finished.emit()

    def _on_word(self, word: str, utterance_id: int, start: int, length: int) -> None:
        if self._state != ReadState.SPEAKING or self._pending is not None or self._sample:
            return
        self._arm_watchdog()
        self.word_reached.emit(self._index, start, length)

    def _on_engine_error(self, reason: object, message: str) -> None:
        log.warning("speech engine error %s: %s", reason, message)
        if self._state == ReadState.IDLE and self._sample is None:
            return
        self._stop_with(_tr("Reading stopped: the speech engine reported an error ({error}).")
                        .format(error=message or _tr("no details")))

    def _on_stalled(self) -> None:
        if self._state == ReadState.IDLE:
            return
        log.warning("speech engine made no progress for %d ms; stopping", self.stall_timeout_ms)
        self._stop_with(_tr(
            "Reading stopped: the speech engine stopped responding. Check that sound works, "
            "then try again."
        ))

    def _stop_with(self, message: str) -> None:
        self.stop()
        self.stopped_by_problem.emit(message)

    def _set_state(self, state: ReadState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
