"""Read-aloud preferences: stored under "speech/…", validated, kept only when not default."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_reader.preferences import Preferences, PreferencesStore
from qa_reader.speech_text import DEFAULT_VOLUME


def test_defaults() -> None:
    preferences = Preferences()
    assert preferences.speech_voice is None
    assert (preferences.speech_rate, preferences.speech_pitch) == (0.0, 0.0)
    assert preferences.speech_volume == DEFAULT_VOLUME


def test_speech_settings_survive_a_new_store(config_dir: Path) -> None:
    store = PreferencesStore.open(config_dir)
    chosen = Preferences(speech_voice="Anne", speech_rate=0.4, speech_pitch=-0.2,
                         speech_volume=0.5)
    assert store.save(chosen)
    text = (config_dir / "qa-reader.ini").read_text(encoding="utf-8")
    assert "[speech]" in text and "voice=Anne" in text
    loaded = PreferencesStore.open(config_dir).load()
    assert (loaded.speech_voice, loaded.speech_rate) == ("Anne", 0.4)
    assert (loaded.speech_pitch, loaded.speech_volume) == (-0.2, 0.5)


def test_default_speech_settings_are_not_written(config_dir: Path) -> None:
    store = PreferencesStore.open(config_dir)
    assert store.save(Preferences(text_size=24))
    assert "speech" not in (config_dir / "qa-reader.ini").read_text(encoding="utf-8")


@pytest.mark.parametrize(("stored", "field", "expected"), [
    ("rate=fast", "speech_rate", 0.0),
    ("rate=7", "speech_rate", 1.0),
    ("rate=-3.5", "speech_rate", -1.0),
    ("pitch=nan", "speech_pitch", 0.0),
    ("volume=2", "speech_volume", 1.0),
    ("volume=-1", "speech_volume", 0.0),
    ("volume=", "speech_volume", DEFAULT_VOLUME),
    ("voice=", "speech_voice", None),
])
def test_damaged_speech_values_fall_back_with_a_note(
    config_dir: Path, stored: str, field: str, expected: object
) -> None:
    (config_dir / "qa-reader.ini").write_text(f"[speech]\n{stored}\n", encoding="utf-8")
    store = PreferencesStore.open(config_dir)
    loaded = store.load()
    assert getattr(loaded, field) == expected
    assert store.problems  # the reader is told once


def test_values_given_in_code_are_normalised() -> None:
    preferences = Preferences(speech_rate=5.0, speech_volume=-1.0)
    assert (preferences.speech_rate, preferences.speech_volume) == (1.0, 0.0)
