"""Test set-up shared by every test.

Qt runs offscreen unless a test run asks otherwise (the screenshot script sets
QT_QPA_PLATFORM=xcb under Xvfb), and every test gets its own empty config, data and
cache folders so no test ever reads or writes the real user's profile.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The accessibility bridge and desktop portals are irrelevant offscreen and only add noise.
os.environ.setdefault("QT_ACCESSIBILITY", "0")

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_profile(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A fresh home, config and data location for each test."""
    home = tmp_path_factory.mktemp("home")
    for variable, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(variable, str(path))
    monkeypatch.delenv("QA_READER_CONFIG_DIR", raising=False)
    # Read aloud uses Qt's silent "mock" engine in tests, never the machine's voices.
    monkeypatch.setenv("QA_READER_TTS_ENGINE", "mock")
    yield home


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    path = tmp_path / "config"
    path.mkdir()
    return path
