"""The read-aloud settings: voice (by language), speed, pitch, volume, and a voice test.

`SpeechSettingsPage` is a self-contained widget with `load(preferences)` and `changes()`,
so a preferences dialog can show it as one of its sections. Until there is one,
`VoiceSettingsDialog` shows it alone (Read aloud → Voice settings…).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..preferences import Preferences, PreferencesModel
from ..speech import SpeechController, VoiceInfo
from ..speech_text import (
    PITCH_STEPS,
    SPEEDS,
    nearest_speed_index,
    speed_label,
    speed_to_rate,
)

SAMPLE_TEXT = "This is how I sound."
PITCH_STEP = 1.0 / PITCH_STEPS
VOLUME_STEP = 10  # percent


class SpeechSettingsPage(QWidget):
    """Voice, speed, pitch and volume; nothing is applied until the caller takes `changes()`."""

    def __init__(self, controller: SpeechController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_settings_page")
        self._controller = controller
        self._voices: list[VoiceInfo] = controller.voices()
        self._stored_voice: str | None = None

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("speech_language")
        self.voice_combo = QComboBox(self)
        self.voice_combo.setObjectName("speech_voice")
        self.speed_slider = self._slider("speech_speed", 0, len(SPEEDS) - 1)
        self.pitch_slider = self._slider("speech_pitch", -PITCH_STEPS, PITCH_STEPS)
        self.volume_slider = self._slider("speech_volume", 0, 100 // VOLUME_STEP)
        self.speed_value = QLabel(self)
        self.pitch_value = QLabel(self)
        self.volume_value = QLabel(self)
        self.test_button = QPushButton(self.tr("&Test voice"), self)
        self.test_button.setObjectName("speech_test")
        self.test_button.setToolTip(self.tr("Say “{text}” with these settings").format(
            text=self.tr(SAMPLE_TEXT)))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("speech_note")

        form = QFormLayout()
        self._add_row(form, self.tr("&Language:"), self.language_combo, None)
        self._add_row(form, self.tr("&Voice:"), self.voice_combo, None)
        self._add_row(form, self.tr("&Speed:"), self.speed_slider, self.speed_value)
        self._add_row(form, self.tr("&Pitch:"), self.pitch_slider, self.pitch_value)
        self._add_row(form, self.tr("V&olume:"), self.volume_slider, self.volume_value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.note)

        self.language_combo.setAccessibleName(self.tr("Language of the voices"))
        self.voice_combo.setAccessibleName(self.tr("Voice"))
        self.speed_slider.setAccessibleName(self.tr("Reading speed"))
        self.pitch_slider.setAccessibleName(self.tr("Voice pitch"))
        self.volume_slider.setAccessibleName(self.tr("Volume"))

        self._fill_languages()
        self.language_combo.currentIndexChanged.connect(self._fill_voices)
        self.speed_slider.valueChanged.connect(self._show_values)
        self.pitch_slider.valueChanged.connect(self._show_values)
        self.volume_slider.valueChanged.connect(self._show_values)
        self.test_button.clicked.connect(self.test_voice)
        if not self._voices:
            self.note.setText(self.tr("No voices are available, so the voice cannot be chosen."))
            self.setEnabled(False)

    def _slider(self, name: str, lowest: int, highest: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName(name)
        slider.setRange(lowest, highest)
        slider.setPageStep(1)
        slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        slider.setTickInterval(1)
        slider.setMinimumWidth(220)
        return slider

    def _add_row(
        self, form: QFormLayout, text: str, field: QWidget, value: QLabel | None
    ) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        if value is None:
            form.addRow(label, field)
            return
        row = QHBoxLayout()
        row.addWidget(field, 1)
        value.setMinimumWidth(value.fontMetrics().horizontalAdvance("Normal +5 "))
        row.addWidget(value)
        form.addRow(label, row)

    # -- languages and voices --------------------------------------------------------------

    def _fill_languages(self) -> None:
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        seen: list[str] = []
        for voice in self._voices:
            if voice.locale not in seen:
                seen.append(voice.locale)
                territory = QLocale(voice.locale).nativeTerritoryName()
                text = f"{voice.language} ({territory})" if territory else voice.language
                self.language_combo.addItem(text, voice.locale)
        self.language_combo.blockSignals(False)

    def _fill_voices(self) -> None:
        locale = self.language_combo.currentData()
        self.voice_combo.clear()
        self.voice_combo.addItem(self.tr("Default voice"), None)
        for voice in self._voices:
            if voice.locale == locale:
                self.voice_combo.addItem(voice.name, voice.name)

    def _select_voice(self, name: str | None) -> None:
        locale = None
        if name:
            locale = next((v.locale for v in self._voices if v.name == name), None)
        if locale is None:
            engine = self._controller.engine
            locale = engine.locale().bcp47Name() if engine is not None else None
        index = self.language_combo.findData(locale)
        self.language_combo.setCurrentIndex(max(index, 0))
        self._fill_voices()
        voice_index = self.voice_combo.findData(name) if name else 0
        self.voice_combo.setCurrentIndex(max(voice_index, 0))

    # -- values ----------------------------------------------------------------------------

    def load(self, preferences: Preferences) -> None:
        self._stored_voice = preferences.speech_voice
        self._select_voice(preferences.speech_voice)
        if preferences.speech_voice and self.voice_combo.currentData() != preferences.speech_voice:
            self.note.setText(self.tr(
                "The voice “{name}” you chose before is no longer installed; "
                "the default voice is used.").format(name=preferences.speech_voice))
        self.speed_slider.setValue(nearest_speed_index(preferences.speech_rate))
        self.pitch_slider.setValue(round(preferences.speech_pitch / PITCH_STEP))
        self.volume_slider.setValue(round(preferences.speech_volume * 100 / VOLUME_STEP))
        self._show_values()

    def voice(self) -> str | None:
        voice = self.voice_combo.currentData()
        return voice if isinstance(voice, str) else None

    def rate(self) -> float:
        return speed_to_rate(SPEEDS[self.speed_slider.value()])

    def pitch(self) -> float:
        return round(self.pitch_slider.value() * PITCH_STEP, 4)

    def volume(self) -> float:
        return round(self.volume_slider.value() * VOLUME_STEP / 100, 4)

    def values(self) -> dict[str, object]:
        return {
            "speech_voice": self.voice(),
            "speech_rate": self.rate(),
            "speech_pitch": self.pitch(),
            "speech_volume": self.volume(),
        }

    def changes(self, current: Preferences | None = None) -> dict[str, object]:
        """The settings shown, as `PreferencesModel.update` keywords; with `current`, only
        those that differ from it."""
        values = self.values()
        if current is None:
            return values
        return {name: value for name, value in values.items() if getattr(current, name) != value}

    def _show_values(self) -> None:
        self.speed_value.setText(speed_label(SPEEDS[self.speed_slider.value()]))
        pitch = self.pitch_slider.value()
        self.pitch_value.setText(self.tr("Normal") if pitch == 0 else f"{pitch:+d}")
        self.volume_value.setText(f"{self.volume_slider.value() * VOLUME_STEP} %")
        for slider, label in ((self.speed_slider, self.speed_value),
                              (self.pitch_slider, self.pitch_value),
                              (self.volume_slider, self.volume_value)):
            slider.setAccessibleDescription(label.text())

    def test_voice(self) -> None:
        """Says the sample sentence with the settings shown (not yet saved)."""
        locale = QLocale(self.language_combo.currentData() or QLocale.system().name())
        self._controller.apply_voice(self.voice(), locale)
        self._controller.apply_prosody(self.rate(), self.pitch(), self.volume())
        self._controller.say_sample(self.tr(SAMPLE_TEXT))


class VoiceSettingsDialog(QDialog):
    """The settings page on its own, applied with OK."""

    def __init__(
        self, controller: SpeechController, preferences: PreferencesModel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voice_settings_dialog")
        self.setWindowTitle(self.tr("Voice settings"))
        self._controller = controller
        self._preferences = preferences
        self.page = SpeechSettingsPage(controller, self)
        self.page.load(preferences.current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.finished.connect(self._on_finished)

    def _restore_defaults(self) -> None:
        self.page.load(Preferences(text_size=self._preferences.current.text_size))

    def _on_finished(self, result: int) -> None:
        # (Whoever opened the dialog puts the saved voice back on the engine afterwards:
        # testing a voice changes it.)
        self._controller.stop()
        if result == QDialog.DialogCode.Accepted:
            self._preferences.update(**self.page.changes(self._preferences.current))

