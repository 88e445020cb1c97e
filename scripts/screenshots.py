"""Takes the README's screenshots from the real window.

Run under a real X server, e.g.:
    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python scripts/screenshots.py
Writes docs/screenshots/{reader-default,reader-48pt,disclaimer,preferences}.png, one
theme-<name>.png per colour theme (28 pt, WCAG 1.4.12 text spacing, the keyboard focus on
a toolbar button to show the focus ring), interface-200.png (menus, toolbar and status
bar at 200 %) and disclaimer-high-contrast-200.png, using a throwaway settings folder so
nobody's preferences are touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from qa_reader.app import configure_application, launch
from qa_reader.cli import LaunchOptions
from qa_reader.style import WCAG_TEXT_SPACING
from qa_reader.themes import THEMES
from qa_reader.ui.actions import ActionId
from qa_reader.ui.main_window import MainWindow

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
        preferences = window.show_preferences()
        settle(app)
        grab(preferences, "preferences.png")
        preferences.reject()
        settle(app)
        themes(app, window)
        window.close()
    return 0


def themes(app: QApplication, window: MainWindow) -> None:
    preferences = window._preferences  # (no preferences dialog on this branch yet)
    preferences.update(text_size=28, **WCAG_TEXT_SPACING)
    for name in THEMES:
        preferences.update(theme=name)
        settle(app)
        window.view.verticalScrollBar().setValue(0)
        button = window.toolbar.widgetForAction(window.reader_actions[ActionId.ZOOM_IN])
        window.activateWindow()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        settle(app)
        if not button.hasFocus():
            print(f"note: the focus ring is not shown in theme-{name}.png (no focus)")
        grab(window, f"theme-{name}.png")
    preferences.update(theme="light", interface_scale=200, text_size=16)
    settle(app)
    grab(window, "interface-200.png")
    preferences.update(theme="high-contrast-yellow")
    dialog = window.show_disclaimer(first_launch=False)
    settle(app)
    grab(dialog, "disclaimer-high-contrast-200.png")
    dialog.close()
    preferences.update(interface_scale=100, theme="system")


if __name__ == "__main__":
    sys.exit(main())
