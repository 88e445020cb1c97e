"""Takes the README's screenshots from the real window.

Run under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python scripts/screenshots.py
Writes docs/screenshots/{reader-default,reader-48pt,disclaimer,navigate,preferences}.png,
using a throwaway settings folder so nobody's preferences are touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from qa_reader.app import configure_application, launch
from qa_reader.cli import LaunchOptions
from qa_reader.ui.actions import ActionId

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def grab(widget: QWidget, name: str) -> None:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"wrote {path}")


def main() -> int:
    app = QApplication(sys.argv)
    if app.platformName() in ("offscreen", "minimal"):
        print("screenshots need a real screen (run under xvfb-run)", file=sys.stderr)
        return 1
    configure_application()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as config:
        window = launch(LaunchOptions(config_dir=config))
        window.setGeometry(QRect(40, 40, 1100, 800))
        window.show()
        settle(app)
        dialog = window.disclaimer_dialog
        if dialog is not None:
            settle(app)
            grab(dialog, "disclaimer.png")
            dialog.accept_button.click()
        settle(app)
        grab(window, "reader-default.png")
        while window.view.text_size() < 48:
            window.step_text_size(+1)
        settle(app)
        grab(window, "reader-48pt.png")
        window.reset_text_size()
        tools = window.reading_tools
        window.reader_actions[ActionId.SIDE_PANEL].setChecked(True)
        window.reader_actions[ActionId.FOCUS_MODE].setChecked(True)
        tools.go_next_answer()
        tools.go_next_answer()
        tools.find_bar.open_bar()
        tools.find_bar.field.setText("fever")
        settle(app)
        grab(window, "navigate.png")
        preferences = window.show_preferences()
        settle(app)
        grab(preferences, "preferences.png")
        preferences.reject()
        settle(app)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
