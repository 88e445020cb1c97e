"""The core (model, importers, renderer, style, export) must work without Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = (
    "qa_reader.document",
    "qa_reader.style",
    "qa_reader.themes",
    "qa_reader.render",
    "qa_reader.outline",
    "qa_reader.importers",
    "qa_reader.export.json_export",
    "qa_reader.export.options",
    "qa_reader.export.html_export",
    "qa_reader.export.text_export",
    "qa_reader.resources",
    "qa_reader.settings_file",
    "qa_reader.preference_checks",
    "qa_reader.speech_text",
    "qa_reader.speech_ranges",
    "qa_reader.cli",
    "qa_reader.recent_files",
)


def test_core_modules_import_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
