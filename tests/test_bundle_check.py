"""What --self-test reports about the installed files: sample, fonts, icon."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from qa_reader.bundle_check import check_bundle
from qa_reader.resources import SAMPLE_DOCUMENT, resources_root

REPO_RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# Installed by scripts/bootstrap.sh (fonts-dejavu-core); stands in for the fonts we bundle.
SYSTEM_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A frozen-bundle layout holding a copy of the real resources, found via sys._MEIPASS."""
    root = tmp_path / "_internal" / "resources"
    shutil.copytree(REPO_RESOURCES, root)
    monkeypatch.setattr(sys, "_MEIPASS", str(root.parent), raising=False)
    resources_root.cache_clear()
    yield root
    resources_root.cache_clear()


def test_the_checkout_passes(qapp: QApplication) -> None:
    report = check_bundle()
    assert report.problems == []
    assert f"resources: {REPO_RESOURCES}" in report.lines
    assert f"sample: {SAMPLE_DOCUMENT}" in report.lines
    assert "icon: drawn from SVG" in report.lines


@pytest.mark.skipif(not SYSTEM_FONT.is_file(), reason="needs Debian's fonts-dejavu-core")
def test_bundled_fonts_are_loaded_and_named(qapp: QApplication, bundle: Path) -> None:
    (bundle / "fonts" / "dejavu").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SYSTEM_FONT, bundle / "fonts" / "dejavu" / "Reading-Regular.ttf")
    report = check_bundle()
    assert report.problems == []
    assert f"resources: {bundle}" in report.lines
    assert any(line.startswith("fonts: ") and "DejaVu Sans" in line for line in report.lines)


def test_a_font_that_cannot_be_loaded_fails(qapp: QApplication, bundle: Path) -> None:
    (bundle / "fonts").mkdir(exist_ok=True)
    (bundle / "fonts" / "Broken.otf").write_bytes(b"not a font")
    report = check_bundle()
    assert report.problems == ["bundled font cannot be loaded: fonts/Broken.otf"]


def test_a_missing_sample_fails(qapp: QApplication, bundle: Path) -> None:
    (bundle / SAMPLE_DOCUMENT).unlink()
    report = check_bundle()
    assert report.problems == [f"bundled file missing: {SAMPLE_DOCUMENT}"]


@pytest.mark.qt_log_ignore("Cannot read file .*qa-reader.svg")  # the broken file, as intended
def test_an_icon_that_cannot_be_drawn_fails(qapp: QApplication, bundle: Path) -> None:
    (bundle / "icons" / "qa-reader.svg").write_text("<svg", encoding="utf-8")
    report = check_bundle()
    assert report.problems == ["the app icon cannot be drawn: icons/qa-reader.svg"]
