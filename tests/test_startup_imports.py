"""The start-up path loads only what the first paint needs (issue 7's cold-start budget).

A real process starts like `qa-reader --self-test FILE` and lists, at the moment the
reader view is first painted, which modules are loaded. Speech, printing, the preferences
dialog and the importers of other formats must not be among them: they are imported
where they are first used. No timings here; bench/ measures those.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SAMPLE = REPO / "resources" / "samples" / "fever-ibuprofen-and-paracetamol.txt"

# Runs the app's own start-up and records sys.modules at the first paint of the view.
PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
import qa_reader.app as app

seen = []
real_launch = app.launch

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(sorted(sys.modules))
        return False

def launch(options, ask_disclaimer=True):
    window = real_launch(options, ask_disclaimer)
    window._first_paint_probe = FirstPaint(window)
    window.view.viewport().installEventFilter(window._first_paint_probe)
    return window

app.launch = launch
code = app.main(["--self-test", "--config-dir", sys.argv[1], sys.argv[2]])
print("MODULES " + json.dumps(seen[0] if seen else None))
sys.exit(code)
"""

NOT_AT_START = (
    # Qt modules that only features behind a menu need.
    "PySide6.QtTextToSpeech",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    # Read aloud: the engine and the script maker load when reading starts.
    "qa_reader.speech",
    "qa_reader.speech_text",
    "qa_reader.ui.speech_settings",
    # Dialogs load when they are opened.
    "qa_reader.ui.preferences_dialog",
    "qa_reader.ui.preference_sections",
    "qa_reader.ui.preferences_preview",
    "qa_reader.ui.disclaimer_dialog",
    # Importers of the formats not being opened (the sample is a plain-text page).
    "qa_reader.importers.json_import",
    "qa_reader.importers.html_page",
    "qa_reader.importers.medquad",
    "qa_reader.importers.liveqa",
    "qa_reader.importers.xml_safe",
    "defusedxml",
    "xml.etree.ElementTree",
    "html.parser",
    # Export writes files only on request.
    "qa_reader.export.json_export",
)


def modules_at_first_paint(config_dir: Path, page: Path) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(config_dir), str(page)],
        capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES "))
    modules = json.loads(line.removeprefix("MODULES "))
    assert modules is not None, "the view was never painted"
    return set(modules)


def test_the_names_checked_are_real_modules() -> None:
    # A renamed module would otherwise make the start-up check pass without checking.
    missing = [name for name in NOT_AT_START if importlib.util.find_spec(name) is None]
    assert missing == []


def test_a_plain_text_page_starts_without_speech_printing_dialogs_or_other_importers(
    config_dir: Path,
) -> None:
    loaded = modules_at_first_paint(config_dir, SAMPLE)
    # The probe saw the real start: the window and the plain-text importer were there.
    assert {"qa_reader.ui.main_window", "qa_reader.importers.page_text"} <= loaded
    assert sorted(loaded & set(NOT_AT_START)) == []


def test_a_json_page_loads_the_json_importer_and_still_no_xml(config_dir: Path) -> None:
    loaded = modules_at_first_paint(config_dir, DATA / "winter-eczema-crlf.json")
    assert "qa_reader.importers.json_import" in loaded
    assert sorted(loaded & {"defusedxml", "qa_reader.importers.medquad",
                            "qa_reader.ui.preferences_dialog"}) == []
