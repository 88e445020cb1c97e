"""The recent-documents list kept in the settings file: round trips and damaged values."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from qa_reader.preferences import INI_FILE_NAME, Preferences, PreferencesStore

AWKWARD_PATHS = (
    "/home/ann/Letters, notes and more/cough.txt",
    '/home/ann/"quoted" name.txt',
    "/home/zoë/Über Ärzte/日本語 ページ.html",
    "/home/ann/back\\slash; semi=colon.json",
    "/home/ann/@at start.txt",
)


@pytest.mark.parametrize(
    "paths",
    [AWKWARD_PATHS, AWKWARD_PATHS[:1], AWKWARD_PATHS[1:2], AWKWARD_PATHS[2:3]],
    ids=["all", "one-with-commas", "one-with-quotes", "one-non-ascii"],
)
def test_recent_documents_round_trip(config_dir: Path, paths: tuple[str, ...]) -> None:
    assert PreferencesStore.open(config_dir).save(Preferences(recent_documents=paths))
    store = PreferencesStore.open(config_dir)
    assert store.load().recent_documents == paths
    assert store.problems == ()


def test_an_empty_list_is_not_written(config_dir: Path) -> None:
    store = PreferencesStore.open(config_dir)
    assert store.save(Preferences(recent_documents=("/a.txt",)))
    assert store.save(Preferences())
    assert "recent" not in (config_dir / INI_FILE_NAME).read_text(encoding="utf-8")
    assert PreferencesStore.open(config_dir).load().recent_documents == ()


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("=,,,", ()),
        ("documents=", ()),
        ("documents=42", ("42",)),
    ],
)
def test_a_damaged_list_loads_without_crashing(
    config_dir: Path, stored: str, expected: tuple[str, ...]
) -> None:
    (config_dir / INI_FILE_NAME).write_text(
        f"[meta]\nschema_version=1\n\n[recent]\n{stored}\n", encoding="utf-8"
    )
    prefs = PreferencesStore.open(config_dir).load()
    assert prefs.recent_documents == expected


def test_unusable_entries_are_dropped_with_a_note(config_dir: Path) -> None:
    settings = QSettings(str(config_dir / INI_FILE_NAME), QSettings.Format.IniFormat)
    settings.setValue("meta/schema_version", 1)
    # Entries with NUL (which no file system allows) are dropped, duplicates merged.
    settings.setValue("recent/documents", ["/good.txt", "/bad\x00.txt", "/good.txt"])
    settings.sync()
    store = PreferencesStore(settings)
    assert store.load().recent_documents == ("/good.txt",)
    assert any("recent documents" in problem for problem in store.problems)


def test_preferences_normalise_a_given_list() -> None:
    prefs = Preferences(recent_documents=["/a.txt", "/a.txt", "/b.txt"])  # type: ignore[arg-type]  # a list, as a caller might pass
    assert prefs.recent_documents == ("/a.txt", "/b.txt")
