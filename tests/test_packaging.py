"""The packaging files agree with the app: one app id, the Qt plugins the bundle keeps.

The PyInstaller build itself is slow and runs in packaging/smoke.sh, not here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from qa_reader import APP_ID, __version__

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "resources" / "linux"


@pytest.fixture(scope="module")
def options() -> ModuleType:
    path = ROOT / "packaging" / "bundle_options.py"
    spec = importlib.util.spec_from_file_location("bundle_options", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
        ("PySide6\\plugins\\texttospeech\\qtexttospeech_sapi.dll", True),
        ("PySide6\\plugins\\texttospeech\\qtexttospeech_winrt.dll", True),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_darwin.dylib", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/QtWidgets.abi3.so", True),
    ],
)
def test_qt_plugin_filter(options: ModuleType, destination: str, kept: bool) -> None:
    assert options.keep_qt_plugin(destination) is kept


def test_qt_translations_are_left_out_and_our_resources_kept(options: ModuleType) -> None:
    entries = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
        ("resources/samples/page.txt", "/src/page.txt", "DATA"),
        ("resources/fonts/Reading.ttf", "/src/Reading.ttf", "DATA"),
    ]
    assert [entry[0] for entry in options.filter_toc(entries)] == [
        "resources/samples/page.txt",
        "resources/fonts/Reading.ttf",
    ]


def test_the_modules_the_app_imports_are_not_excluded(options: ModuleType) -> None:
    imported = set()
    for path in (ROOT / "src").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == "from" and words[1].startswith("PySide6."):
                imported.add(words[1])
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= imported
    assert imported.isdisjoint(options.EXCLUDES)


def test_desktop_entry_metainfo_and_mime_type_use_the_app_id() -> None:
    desktop = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    mime = (LINUX / f"{APP_ID}.mime.xml").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in desktop
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    assert f'<icon name="{APP_ID}"/>' in mime
    mime_type = "application/vnd.qareader.qa+json"
    assert mime_type in desktop and mime_type in metainfo and mime_type in mime


def test_metainfo_lists_the_current_version() -> None:
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{__version__}"' in metainfo


def test_the_app_names_its_desktop_file(qapp: object) -> None:
    from PySide6.QtGui import QGuiApplication

    from qa_reader.app import configure_application

    configure_application()
    assert QGuiApplication.desktopFileName() == APP_ID
