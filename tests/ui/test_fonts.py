"""The bundled easy-reading fonts: loaded at start, offered first, and never fatal."""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from qa_reader.preferences import INI_FILE_NAME
from qa_reader.resources import bundled_font_files, resources_root
from qa_reader.ui.fonts import bundled_font_families, forget_bundled_fonts
from qa_reader.ui.preferences_dialog import PreferencesDialog

from .conftest import Launcher, restart
from .test_preferences_dialog import ALT, closed, key, open_dialog

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"
BUNDLED = ["Atkinson Hyperlegible", "OpenDyslexic"]


def font_box(dialog: PreferencesDialog) -> QComboBox:
    box = dialog.findChild(QComboBox, "font_family")
    assert isinstance(box, QComboBox)
    return box


def drawn_family(font: QFont) -> str:
    """The family Qt actually draws `font` with (after its own fallback)."""
    return QFontInfo(font).family()


def test_the_bundled_families_are_in_the_font_database_after_start(
    start_app: Launcher,
) -> None:
    start_app()
    families = QFontDatabase.families()
    for family in BUNDLED:
        assert family in families
        assert {"Regular", "Bold", "Italic", "Bold Italic"} <= set(QFontDatabase.styles(family))
    assert bundled_font_families() == BUNDLED


def test_every_bundled_file_loads_and_names_an_offered_family(qapp: QApplication) -> None:
    files = bundled_font_files()
    assert {path.parent.name for path in files} == {"AtkinsonHyperlegible", "OpenDyslexic"}
    assert len(files) == 8  # regular, bold, italic and bold italic of each
    offered = bundled_font_families()
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        try:
            assert font_id != -1, path
            assert QFontDatabase.applicationFontFamilies(font_id)[0] in offered, path
        finally:
            QFontDatabase.removeApplicationFont(font_id)


def test_each_bundled_family_carries_its_licence() -> None:
    fonts = REPO_RESOURCES / "fonts"
    ofl = (fonts / "AtkinsonHyperlegible" / "OFL.txt").read_text(encoding="utf-8")
    assert "Copyright 2020 Braille Institute of America" in ofl
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl
    licence = (fonts / "OpenDyslexic" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "Abelardo Gonzalez" in licence and "Bitstream" in licence
    assert "Creative Commons Attribution 3.0 Unported" in licence
    readme = (fonts / "README.md").read_text(encoding="utf-8")
    assert "fonts-opendyslexic" in readme and "fontpkg-atkinson-hyperlegible" in readme


def test_the_font_list_offers_bundled_then_system_then_installed_faces(
    start_app: Launcher, qtbot: QtBot
) -> None:
    window = start_app()
    box = font_box(open_dialog(qtbot, window))
    values = [box.itemData(i) for i in range(box.count()) if box.itemText(i)]
    assert values[:4] == [*BUNDLED, "sans-serif", "serif"]
    installed = values[4:]
    assert installed, "the installed families follow"
    assert len(set(installed)) == len(installed)
    assert not set(installed) & set(BUNDLED)
    # The easy-reading choices are shown in their own face.
    sample = box.itemData(1, Qt.ItemDataRole.FontRole)
    assert isinstance(sample, QFont) and drawn_family(sample) == "OpenDyslexic"


def test_choosing_a_bundled_font_draws_the_text_in_it_and_is_kept(
    start_app: Launcher, qtbot: QtBot, config_dir: Path
) -> None:
    (config_dir / INI_FILE_NAME).write_text("[reading]\nfont_family=serif\n", encoding="utf-8")
    window = start_app()
    dialog = open_dialog(qtbot, window)
    assert drawn_family(dialog.preview.font()) != "Atkinson Hyperlegible"
    key(qtbot, Qt.Key.Key_F, ALT)  # &Font
    key(qtbot, Qt.Key.Key_Home)  # the first choice: Atkinson Hyperlegible
    assert drawn_family(dialog.preview.font()) == "Atkinson Hyperlegible"
    key(qtbot, Qt.Key.Key_Down)
    assert drawn_family(dialog.preview.font()) == "OpenDyslexic"
    key(qtbot, Qt.Key.Key_Up)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.wait_until(lambda: closed(window))
    assert window.findChild(PreferencesDialog) is None

    window = restart(window, start_app)
    dialog = open_dialog(qtbot, window)
    assert font_box(dialog).currentData() == "Atkinson Hyperlegible"
    assert drawn_family(dialog.preview.font()) == "Atkinson Hyperlegible"


@pytest.fixture
def broken_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A frozen-bundle layout whose Atkinson Hyperlegible files are damaged and whose
    OpenDyslexic regular face is missing; the real fonts are loaded again afterwards."""
    root = tmp_path / "_internal" / "resources"
    shutil.copytree(REPO_RESOURCES, root)
    for path in (root / "fonts" / "AtkinsonHyperlegible").glob("*.ttf"):
        path.write_bytes(b"this is not a font")
    (root / "fonts" / "OpenDyslexic" / "OpenDyslexic-Regular.otf").unlink()
    monkeypatch.setattr(sys, "_MEIPASS", str(root.parent), raising=False)
    resources_root.cache_clear()
    # Other tests may have registered the real files directly; start from none.
    QFontDatabase.removeAllApplicationFonts()
    forget_bundled_fonts()
    yield root
    monkeypatch.undo()
    resources_root.cache_clear()
    QFontDatabase.removeAllApplicationFonts()
    forget_bundled_fonts()


def test_a_damaged_font_is_logged_and_the_app_starts_with_the_system_sans(
    broken_bundle: Path, start_app: Launcher, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = start_app()
    assert window.document is not None
    # start_app registers the fonts as the app does, before the window: in the set-up.
    records = [*caplog.get_records("setup"), *caplog.records]
    damaged = [
        r.getMessage() for r in records
        if r.levelno == logging.WARNING and "could not be loaded" in r.getMessage()
    ]
    assert len(damaged) == 4
    assert all("AtkinsonHyperlegible" in message for message in damaged)
    # The other family still loads from its remaining faces.
    assert bundled_font_families() == ["OpenDyslexic"]
    assert "Atkinson Hyperlegible" not in QFontDatabase.families()

    dialog = open_dialog(qtbot, window)
    box = font_box(dialog)
    # The default is kept as the reader's choice, marked as unavailable, and drawn in the
    # system's sans-serif face.
    assert box.currentText() == "Atkinson Hyperlegible (not installed)"
    system_sans = QFont()
    system_sans.setFamilies(["sans-serif"])
    system_sans.setStyleHint(QFont.StyleHint.SansSerif)
    assert drawn_family(dialog.preview.font()) == drawn_family(system_sans)
    assert [box.itemData(i) for i in range(3)] == ["OpenDyslexic", "sans-serif", "serif"]
